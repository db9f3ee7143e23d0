package io.github.discordgateway.simulator;

/**
 * Which of the simulator's two listening ports a WebSocket connection came in on.
 */
public enum GatewayPort {

	/** The URL GET /gateway and GET /gateway/bot return. */
	GATEWAY,

	/** The {@code resume_gateway_url} that READY hands out. */
	RESUME

}
