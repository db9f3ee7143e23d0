package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * TYPING_START: a user started typing in a channel.
 *
 * @param channelId the channel
 * @param guildId the guild, absent for DMs
 * @param userId the user
 * @param timestamp when typing started, in Unix seconds
 * @param member the member, in guilds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TypingStart(Snowflake channelId, Snowflake guildId, Snowflake userId, Long timestamp, Member member) {
}
