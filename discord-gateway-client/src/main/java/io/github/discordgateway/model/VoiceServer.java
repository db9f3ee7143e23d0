package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * VOICE_SERVER_UPDATE: the voice server to connect to, after a Voice State Update (op 4) or a failover.
 *
 * @param token the voice connection token
 * @param guildId the guild
 * @param endpoint the voice server's host; null when the server went away (disconnect and wait for the next update)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VoiceServer(String token, Snowflake guildId, String endpoint) {
}
