package io.github.discordgateway.simulator;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every violation closes with Discord's code, and the connection record shows it.
 */
class GatewayValidationTests {

	private static final String PROPERTIES = "\"properties\":{\"os\":\"linux\",\"browser\":\"t\",\"device\":\"t\"}";

	private final GatewaySimulator simulator = GatewaySimulator.start(SimulatorOptions.builder()
		.enabledPrivilegedIntents(SimulatorOptions.GUILD_MEMBERS)
		.identifyWindow(Duration.ZERO)
		.build());

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	static Stream<Arguments> badFirstPayloads() {
		return Stream.of(arguments("wrong token", identify("\"token\":\"nope\",\"intents\":1," + PROPERTIES), 4004),
				arguments("undocumented intent bit", identifyWithToken("\"intents\":131072," + PROPERTIES), 4013),
				arguments("privileged intent not enabled", identifyWithToken("\"intents\":32768," + PROPERTIES), 4014),
				arguments("shard id >= count", identifyWithToken("\"intents\":1,\"shard\":[2,2]," + PROPERTIES), 4010),
				arguments("shard count < 1", identifyWithToken("\"intents\":1,\"shard\":[0,0]," + PROPERTIES), 4010),
				arguments("intents missing", identifyWithToken("" + PROPERTIES), 4001),
				arguments("intents not an int", identifyWithToken("\"intents\":\"1\"," + PROPERTIES), 4001),
				arguments("properties missing", identifyWithToken("\"intents\":1"), 4001),
				arguments("large_threshold above 250", identifyWithToken("\"intents\":1,\"large_threshold\":251," + PROPERTIES), 4001),
				arguments("large_threshold below 50", identifyWithToken("\"intents\":1,\"large_threshold\":49," + PROPERTIES), 4001),
				arguments("presence update before identify", "{\"op\":3,\"d\":{\"status\":\"online\"}}", 4003),
				arguments("request guild members before identify", "{\"op\":8,\"d\":{\"guild_id\":\"1\"}}", 4003),
				arguments("unknown op", "{\"op\":5,\"d\":null}", 4001),
				arguments("receive-only op", "{\"op\":11,\"d\":null}", 4001),
				arguments("op missing", "{\"d\":null}", 4001),
				arguments("d missing", "{\"op\":1}", 4001),
				arguments("heartbeat d not an int", "{\"op\":1,\"d\":\"1\"}", 4001),
				arguments("invalid JSON", "{\"op\":1,", 4002),
				arguments("not an object", "[1]", 4002),
				arguments("over 4096 bytes", "{\"op\":1,\"d\":null,\"x\":\"" + "a".repeat(4096) + "\"}", 4002),
				arguments("resume with wrong token", "{\"op\":6,\"d\":{\"token\":\"nope\",\"session_id\":\"x\",\"seq\":1}}", 4004),
				arguments("resume without seq", "{\"op\":6,\"d\":{\"token\":\"simulated-token\",\"session_id\":\"x\"}}", 4001));
	}

	private static String identifyWithToken(String fields) {
		return identify("\"token\":\"simulated-token\"," + fields);
	}

	private static String identify(String fields) {
		return "{\"op\":2,\"d\":{" + fields + "}}";
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@MethodSource("badFirstPayloads")
	void badPayloadClosesWithDiscordsCode(String description, String payload, int expectedCode) {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.next(10);
			client.send(payload);
			assertThat(client.awaitCloseCode()).isEqualTo(expectedCode);
			await().atMost(JdkGatewayClient.TIMEOUT)
				.untilAsserted(() -> assertThat(this.simulator.connections().get(0).serverCloseCode())
					.hasValue(expectedCode));
		}
	}

	@Test
	void privilegedIntentThatIsEnabledIsAccepted() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.identify(1 | 2);
		}
	}

	@Test
	void secondIdentifyClosesWith4005() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.identify(1);
			client.send(JdkGatewayClient.identifyPayload("simulated-token", 1));
			assertThat(client.awaitCloseCode()).isEqualTo(4005);
		}
	}

	@Test
	void identifyAfterResumeClosesWith4005() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.next(10);
			client.send(JdkGatewayClient.resumePayload("unknown", 1));
			client.next(9);
			client.send(JdkGatewayClient.identifyPayload("simulated-token", 1));
			assertThat(client.awaitCloseCode()).isEqualTo(4005);
		}
	}

	@Test
	void commandsAfterReadyAreAccepted() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.identify(1);
			client.send("{\"op\":3,\"d\":{\"since\":null,\"activities\":[],\"status\":\"online\",\"afk\":false}}");
			client.send("{\"op\":1,\"d\":2}");
			client.next(0);
			client.next(11);
		}
	}

	@Test
	void oneHundredTwentyFirstPayloadWithinAMinuteClosesWith4008() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.next(10);
			for (int i = 0; i < SendRateLimit.MAX_PAYLOADS + 1; i++) {
				client.send("{\"op\":1,\"d\":null}");
			}
			assertThat(client.awaitCloseCode()).isEqualTo(4008);
			assertThat(this.simulator.framesReceived(1)).hasSize(SendRateLimit.MAX_PAYLOADS + 1);
		}
	}

	@Test
	void wrongVersionClosesWith4012() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl(), "/?v=9&encoding=json")) {
			assertThat(client.awaitCloseCode()).isEqualTo(4012);
		}
	}

	@Test
	void missingEncodingClosesWith4002() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl(), "/?v=10")) {
			assertThat(client.awaitCloseCode()).isEqualTo(4002);
		}
	}

	@Test
	void unsupportedCompressionClosesWith4002() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl(),
				"/?v=10&encoding=json&compress=brotli")) {
			assertThat(client.awaitCloseCode()).isEqualTo(4002);
		}
	}

}
