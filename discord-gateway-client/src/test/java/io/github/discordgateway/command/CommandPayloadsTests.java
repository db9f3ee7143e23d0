package io.github.discordgateway.command;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.model.Snowflake;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.Opcode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands as they go on the wire (GATEWAY.md section 14).
 */
class CommandPayloadsTests {

	private final GatewayJson json = new GatewayJson();

	@Test
	void leavingVoiceSendsAnExplicitNullChannel() {
		assertThat(this.json.encode(Opcode.VOICE_STATE_UPDATE, UpdateVoiceState.leave(Snowflake.of(41771983423143937L))))
			.isEqualTo("{\"op\":4,\"d\":{\"guild_id\":\"41771983423143937\",\"channel_id\":null,"
					+ "\"self_mute\":false,\"self_deaf\":false}}");
	}

	@Test
	void memberRequestsLeaveOutWhatTheyDoNotAsk() {
		assertThat(this.json.encode(Opcode.REQUEST_GUILD_MEMBERS, RequestGuildMembers.all(Snowflake.of(1L)).withNonce("n")))
			.isEqualTo("{\"op\":8,\"d\":{\"guild_id\":\"1\",\"query\":\"\",\"limit\":0,\"nonce\":\"n\"}}");
		assertThat(this.json.encode(Opcode.REQUEST_GUILD_MEMBERS,
				RequestGuildMembers.byUserIds("1", java.util.List.of("2", "3")).withPresences()))
			.isEqualTo("{\"op\":8,\"d\":{\"guild_id\":\"1\",\"presences\":true,\"user_ids\":[\"2\",\"3\"]}}");
	}

	@Test
	void channelInfoAsksForBothFields() {
		assertThat(this.json.encode(Opcode.REQUEST_CHANNEL_INFO, RequestChannelInfo.allFields(Snowflake.of(7L))))
			.isEqualTo("{\"op\":43,\"d\":{\"guild_id\":\"7\",\"fields\":[\"status\",\"voice_start_time\"]}}");
	}

}
