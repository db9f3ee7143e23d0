package io.github.discordgateway.autoconfigure;

import org.springframework.context.SmartLifecycle;

import io.github.discordgateway.DiscordGatewayClient;

/**
 * Starts the client with the application context (without blocking its start-up) and stops it with it; the
 * context closes the client afterwards.
 *
 * @since 0.1.0
 */
public class DiscordGatewayLifecycle implements SmartLifecycle {

	private final DiscordGatewayClient client;

	private final boolean autoStartup;

	public DiscordGatewayLifecycle(DiscordGatewayClient client, boolean autoStartup) {
		this.client = client;
		this.autoStartup = autoStartup;
	}

	@Override
	public void start() {
		this.client.start();
	}

	@Override
	public void stop() {
		this.client.stop();
	}

	@Override
	public boolean isRunning() {
		return this.client.isRunning();
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

}
