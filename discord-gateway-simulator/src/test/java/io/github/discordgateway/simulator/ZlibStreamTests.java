package io.github.discordgateway.simulator;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compress=zlib-stream}: one deflate context per connection, sync-flushed per message, binary frames.
 */
class ZlibStreamTests {

	private static final String ZLIB = "/?v=10&encoding=json&compress=zlib-stream";

	@Test
	void everyMessageInflatesThroughOneContext() {
		try (GatewaySimulator simulator = GatewaySimulator.start();
				JdkGatewayClient client = JdkGatewayClient.connect(simulator.gatewayUrl(), ZLIB)) {
			JsonNode ready = client.identify(1);
			assertThat(ready.path("d").path("session_id").asString()).isNotEmpty();
			JsonNode guildCreate = client.next(0);
			assertThat(guildCreate.path("t").asString()).isEqualTo("GUILD_CREATE");
			JsonNode channel = guildCreate.path("d").path("channels").get(0);
			simulator.awaitReady(JdkGatewayClient.TIMEOUT).dispatch("CHANNEL_CREATE", channel);
			assertThat(client.next(0).path("d")).isEqualTo(channel);
			assertThat(client.binaryFrames()).isEqualTo(4);
		}
	}

	@Test
	void messagesCanBeSplitAcrossFrames() {
		SimulatorOptions options = SimulatorOptions.builder().zlibFrameSplit(3).build();
		try (GatewaySimulator simulator = GatewaySimulator.start(options);
				JdkGatewayClient client = JdkGatewayClient.connect(simulator.gatewayUrl(), ZLIB)) {
			client.identify(1);
			client.next(0);
			assertThat(client.binaryFrames()).isEqualTo(3 * 3);
		}
	}

	@Test
	void rawTextIsCompressedToo() {
		try (GatewaySimulator simulator = GatewaySimulator.start();
				JdkGatewayClient client = JdkGatewayClient.connect(simulator.gatewayUrl(), ZLIB)) {
			client.next(10);
			simulator.sendRaw("{\"op\":42,\"d\":null}");
			assertThat(client.next(42).get("d").isNull()).isTrue();
		}
	}

}
