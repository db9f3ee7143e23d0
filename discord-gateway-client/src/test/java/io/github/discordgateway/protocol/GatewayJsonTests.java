package io.github.discordgateway.protocol;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GatewayJsonTests {

	private final GatewayJson json = new GatewayJson();

	private GatewayMessage decode(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return this.json.decode(bytes, bytes.length);
	}

	@Test
	void decodesADispatchEnvelopeWithoutDecodingItsData() {
		GatewayMessage message = decode(
				"{\"t\":\"MESSAGE_CREATE\",\"s\":42,\"op\":0,\"d\":{\"content\":\"h\u00e9llo {\\\"x\\\"}\",\"n\":[1,{\"a\":null}]}}");
		assertThat(message.op()).isZero();
		assertThat(message.sequence()).isEqualTo(42);
		assertThat(message.type()).isEqualTo("MESSAGE_CREATE");
		assertThat(message.data()).hasToString("{\"content\":\"h\u00e9llo {\\\"x\\\"}\",\"n\":[1,{\"a\":null}]}");
	}

	@Test
	void locatesDataWhereverItStandsAndSkipsUnknownFields() {
		GatewayMessage message = decode("{\"d\":{\"heartbeat_interval\":41250,\"_trace\":[\"x\"]},\"_trace\":{\"a\":[1]},\"op\":10,\"s\":null,\"t\":null}");
		assertThat(message.op()).isEqualTo(10);
		assertThat(message.sequence()).isEqualTo(GatewayMessage.NO_SEQUENCE);
		assertThat(message.type()).isNull();
		assertThat(this.json.read(message.data(), Hello.class).heartbeatInterval()).isEqualTo(41250);
	}

	@Test
	void keepsScalarData() {
		assertThat(decode("{\"op\":9,\"d\":true}").data()).hasToString("true");
		assertThat(decode("{\"op\":9,\"d\":false,\"s\":null}").data()).hasToString("false");
		assertThat(decode("{\"op\":1,\"d\":251}").data()).hasToString("251");
		assertThat(decode("{\"op\":11}").data().isNull()).isTrue();
		assertThat(decode("{\"op\":7,\"d\":null}").data().isNull()).isTrue();
	}

	@Test
	void rejectsWhatIsNotAnEnvelope() {
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> decode("{\"op\":0,"));
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> decode("[1,2]"));
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> decode("{\"d\":{}}"))
			.withMessageContaining("op");
	}

	@Test
	void writesCommandsInSnakeCaseWithoutTheTokenInToString() {
		Identify identify = new Identify("secret", new ConnectionProperties("linux", "lib", "lib"), 50,
				new int[] { 0, 1 }, null, 513);
		String encoded = this.json.encode(Opcode.IDENTIFY, identify);
		assertThat(encoded).startsWith("{\"op\":2,\"d\":{")
			.contains("\"large_threshold\":50", "\"shard\":[0,1]", "\"intents\":513", "\"token\":\"secret\"")
			.doesNotContain("presence");
		assertThat(identify.toString()).doesNotContain("secret");
		assertThat(new Resume("secret", "abc", 5).toString()).doesNotContain("secret");
	}

	@Test
	void writesHeartbeatsWithTheLastSequenceOrNull() {
		assertThat(this.json.encodeHeartbeat(GatewayMessage.NO_SEQUENCE)).isEqualTo("{\"op\":1,\"d\":null}");
		assertThat(this.json.encodeHeartbeat(251)).isEqualTo("{\"op\":1,\"d\":251}");
	}

}
