package io.github.discordgateway.model;

import java.util.Objects;

/**
 * Where the bot wants to be in voice, for
 * {@link io.github.discordgateway.command.DiscordGateway#updateVoiceState(VoiceStateRequest)}. Discord answers
 * with a VOICE_STATE_UPDATE and a VOICE_SERVER_UPDATE dispatch.
 *
 * @param guildId the guild
 * @param channelId the voice channel to join or move to, or {@code null} to leave
 * @param selfMute whether the bot mutes itself
 * @param selfDeaf whether the bot deafens itself
 */
public record VoiceStateRequest(Snowflake guildId, Snowflake channelId, boolean selfMute, boolean selfDeaf) {

	/**
	 * Validates the guild.
	 */
	public VoiceStateRequest {
		Objects.requireNonNull(guildId, "guildId");
	}

	/** Joins (or moves to) a voice channel, neither muted nor deafened. */
	public static VoiceStateRequest join(Snowflake guildId, Snowflake channelId) {
		return new VoiceStateRequest(guildId, Objects.requireNonNull(channelId, "channelId"), false, false);
	}

	/** Leaves the guild's voice channel. */
	public static VoiceStateRequest leave(Snowflake guildId) {
		return new VoiceStateRequest(guildId, null, false, false);
	}

}
