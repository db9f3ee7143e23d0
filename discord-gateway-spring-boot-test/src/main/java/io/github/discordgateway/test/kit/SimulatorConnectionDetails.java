package io.github.discordgateway.test.kit;

import io.github.discordgateway.autoconfigure.DiscordConnectionDetails;
import io.github.discordgateway.simulator.GatewaySimulator;

/**
 * {@link DiscordConnectionDetails} that point a bot at a {@link GatewaySimulator}.
 *
 * @since 0.1.0
 */
public class SimulatorConnectionDetails implements DiscordConnectionDetails {

	private final GatewaySimulator simulator;

	public SimulatorConnectionDetails(GatewaySimulator simulator) {
		this.simulator = simulator;
	}

	@Override
	public String getToken() {
		return this.simulator.options().token();
	}

	@Override
	public String getRestBaseUrl() {
		return this.simulator.restBaseUrl().toString();
	}

}
