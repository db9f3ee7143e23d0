package io.github.discordgateway.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A user's voice connection state (VOICE_STATE_UPDATE, and GUILD_CREATE's {@code voiceStates}).
 *
 * @param guildId the guild (absent inside GUILD_CREATE)
 * @param channelId the voice channel, null when the user left voice
 * @param userId the user
 * @param member the member
 * @param sessionId the voice session's id (needed with VOICE_SERVER_UPDATE to connect to voice)
 * @param deaf whether the server deafened the user
 * @param mute whether the server muted the user
 * @param selfDeaf whether the user deafened themselves
 * @param selfMute whether the user muted themselves
 * @param selfStream whether the user is streaming ("Go Live")
 * @param selfVideo whether the user's camera is on
 * @param suppress whether the user may not speak (stage channels)
 * @param requestToSpeakTimestamp when the user asked to speak, if they did
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VoiceState(Snowflake guildId, Snowflake channelId, Snowflake userId, Member member, String sessionId,
		Boolean deaf, Boolean mute, Boolean selfDeaf, Boolean selfMute, Boolean selfStream, Boolean selfVideo,
		Boolean suppress, OffsetDateTime requestToSpeakTimestamp) {
}
