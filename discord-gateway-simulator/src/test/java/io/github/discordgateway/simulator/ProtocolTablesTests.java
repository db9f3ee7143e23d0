package io.github.discordgateway.simulator;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's hard-coded protocol tables agree with the shared protocol data (gateway-v10.json and
 * the example payloads), so a change there shows up here.
 */
class ProtocolTablesTests {

	private static Path protocolDir;

	private static JsonNode protocol;

	@BeforeAll
	static void readProtocol() throws Exception {
		URL dir = ProtocolTablesTests.class.getResource("/protocol");
		assertThat(dir).as("the protocol folder on the test class path").isNotNull();
		protocolDir = Path.of(dir.toURI());
		protocol = JdkGatewayClient.JSON.readTree(Files.readString(protocolDir.resolve("gateway-v10.json")));
	}

	@Test
	void intentBitsMatch() {
		long documented = 0;
		long privileged = 0;
		for (JsonNode intent : protocol.path("intents")) {
			documented |= intent.path("value").asLong();
			if (intent.path("privileged").asBoolean()) {
				privileged |= intent.path("value").asLong();
			}
		}
		assertThat(Intents.DOCUMENTED).isEqualTo(documented);
		assertThat(Intents.PRIVILEGED).isEqualTo(privileged);
	}

	@Test
	void gatedEventsMatch() {
		Map<String, Long> values = new HashMap<>();
		for (JsonNode intent : protocol.path("intents")) {
			values.put(intent.path("name").asString(), intent.path("value").asLong());
		}
		Map<String, Long> expected = new HashMap<>();
		for (JsonNode event : protocol.path("dispatchEvents")) {
			long mask = 0;
			for (JsonNode intent : event.path("intents")) {
				mask |= values.get(intent.asString());
			}
			if (mask != 0) {
				expected.put(event.path("name").asString(), mask);
			}
		}
		assertThat(Intents.GATED_EVENTS).isEqualTo(expected);
	}

	@Test
	void closeCodeConsequencesMatch() {
		for (JsonNode code : protocol.path("closeCodes")) {
			int value = code.path("code").asInt();
			boolean resumable = code.path("sessionAction").asString().equals("resume");
			assertThat(CloseCodes.serverCloseEndsSession(value)).as("close %d ends the session", value).isEqualTo(!resumable);
			if (value != 4000) {
				assertThat(CloseCodes.reason(value)).isEqualTo(code.path("name").asString() + ".");
			}
		}
		for (JsonNode code : protocol.path("clientCloseRules").path("sessionInvalidatingCodes")) {
			assertThat(CloseCodes.clientCloseEndsSession(code.asInt())).isTrue();
		}
		for (JsonNode code : protocol.path("clientCloseRules").path("resumePreservingExamples")) {
			assertThat(CloseCodes.clientCloseEndsSession(code.asInt())).isFalse();
		}
	}

	@Test
	void limitsMatch() {
		JsonNode limits = protocol.path("limits");
		assertThat(SendRateLimit.MAX_PAYLOADS).isEqualTo(limits.path("gatewaySendRateLimit").path("events").asInt());
		assertThat(SimulatorOptions.defaults().identifyWindow().toMillis())
			.isEqualTo(limits.path("identifyConcurrencyWindowMs").path("value").asLong());
	}

	@Test
	void documentedIdentifyExampleIsValid() throws Exception {
		JsonNode example = JdkGatewayClient.JSON.readTree(Files.readString(protocolDir.resolve("payloads/identify.json")));
		SimulatorOptions options = SimulatorOptions.builder().token(example.path("d").path("token").asString()).build();
		assertThat(IdentifyValidator.validate(example.path("d"), options)).isEqualTo(IdentifyValidator.VALID);
	}

}
