package io.github.discordgateway.autoconfigure;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

import io.github.discordgateway.sharding.ShardManager;

/**
 * Starts the shards with the application context (without blocking its start-up) and stops them with it.
 *
 * @since 0.1.0
 */
public class DiscordGatewayLifecycle implements SmartLifecycle {

	private final ShardManager shardManager;

	private final Duration shutdownTimeout;

	private final boolean autoStartup;

	public DiscordGatewayLifecycle(ShardManager shardManager, Duration shutdownTimeout, boolean autoStartup) {
		this.shardManager = shardManager;
		this.shutdownTimeout = shutdownTimeout;
		this.autoStartup = autoStartup;
	}

	@Override
	public void start() {
		this.shardManager.start();
	}

	@Override
	public void stop() {
		this.shardManager.stop(this.shutdownTimeout);
	}

	@Override
	public boolean isRunning() {
		return this.shardManager.isRunning();
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

}
