package io.github.discordgateway.command;

import java.util.List;

import io.github.discordgateway.model.Snowflake;

/**
 * The data of Request Channel Info (op 43); Discord answers with a CHANNEL_INFO dispatch.
 *
 * @param guildId the guild
 * @param fields the ephemeral fields wanted: {@code status}, {@code voice_start_time}
 */
public record RequestChannelInfo(String guildId, List<String> fields) {

	/** Both fields Discord offers. */
	public static RequestChannelInfo allFields(String guildId) {
		return new RequestChannelInfo(guildId, List.of("status", "voice_start_time"));
	}

	/** Both fields Discord offers. */
	public static RequestChannelInfo allFields(Snowflake guildId) {
		return allFields(guildId.toString());
	}

}
