package io.github.discordgateway.command;

import io.github.discordgateway.model.Snowflake;

/**
 * The data of Update Voice State (op 4): join, move between or leave voice channels. Discord answers with a
 * VOICE_STATE_UPDATE and a VOICE_SERVER_UPDATE dispatch.
 *
 * @param guildId the guild
 * @param channelId the voice channel to join, or {@code null} to leave
 * @param selfMute whether the bot mutes itself
 * @param selfDeaf whether the bot deafens itself
 */
public record UpdateVoiceState(String guildId, String channelId, boolean selfMute, boolean selfDeaf) {

	/** Joins (or moves to) a voice channel, neither muted nor deafened. */
	public static UpdateVoiceState join(Snowflake guildId, Snowflake channelId) {
		return new UpdateVoiceState(guildId.toString(), channelId.toString(), false, false);
	}

	/** Leaves the guild's voice channel. */
	public static UpdateVoiceState leave(Snowflake guildId) {
		return new UpdateVoiceState(guildId.toString(), null, false, false);
	}

}
