package io.github.discordgateway.protocol;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be read of a message too large to keep: only its start is left.
 */
class EnvelopeStartTests {

	@Test
	void readsTheEventNameAndSequenceThatDiscordSendsBeforeTheData() {
		GatewayMessage start = start("{\"t\":\"GUILD_CREATE\",\"s\":42,\"op\":0,\"d\":{\"members\":[{\"user\"");
		assertThat(start.type()).isEqualTo("GUILD_CREATE");
		assertThat(start.sequence()).isEqualTo(42);
		assertThat(start.op()).isZero();
		assertThat(start.data().isNull()).isTrue();
	}

	@Test
	void leavesOutAFieldThatTheCutMayHaveShortened() {
		GatewayMessage start = start("{\"t\":\"GUILD_CREATE\",\"s\":42");
		assertThat(start.type()).isEqualTo("GUILD_CREATE");
		assertThat(start.sequence()).isEqualTo(GatewayMessage.NO_SEQUENCE);
		assertThat(start("{\"t\":\"GUILD_CRE").type()).isNull();
	}

	@Test
	void findsNothingWhenTheDataComesFirst() {
		GatewayMessage start = start("{\"d\":{\"x\":\"" + "y".repeat(100));
		assertThat(start.type()).isNull();
		assertThat(start.sequence()).isEqualTo(GatewayMessage.NO_SEQUENCE);
		assertThat(start.op()).isEqualTo(-1);
	}

	@Test
	void neverFailsOnBytesThatAreNoEnvelope() {
		for (String garbage : new String[] { "", "{", "[1,2", "{\"", "{\"t\"", "{\"t\":", "{\"t\" :  ", "{\"s\":-1,",
				"{\"op\":99999999999999999999,\"t\":1,", "\u00ff\u00fe" }) {
			GatewayMessage start = start(garbage);
			assertThat(start.type()).as(garbage).isNull();
			assertThat(start.sequence()).as(garbage).isEqualTo(GatewayMessage.NO_SEQUENCE);
		}
	}

	private static GatewayMessage start(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		return GatewayJson.decodeStart(bytes, bytes.length);
	}

}
