package io.github.discordgateway.transport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayUrlTests {

	@Test
	void appendsTheQueryToABareUrl() {
		assertThat(GatewayUrl.connectUri("wss://gateway-us-east1-b.discord.gg", "zlib-stream"))
			.hasToString("wss://gateway-us-east1-b.discord.gg/?v=10&encoding=json&compress=zlib-stream");
	}

	@Test
	void keepsAPathAndReplacesAnyQuery() {
		assertThat(GatewayUrl.connectUri("ws://127.0.0.1:8080/gateway/?v=9&encoding=etf", null))
			.hasToString("ws://127.0.0.1:8080/gateway/?v=10&encoding=json");
		assertThat(GatewayUrl.connectUri(" wss://gateway.discord.gg/ ", null))
			.hasToString("wss://gateway.discord.gg/?v=10&encoding=json");
	}

}
