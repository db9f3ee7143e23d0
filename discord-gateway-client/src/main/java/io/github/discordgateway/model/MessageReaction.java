package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * MESSAGE_REACTION_ADD and MESSAGE_REACTION_REMOVE: one user's reaction was added or removed.
 *
 * @param userId the user who reacted
 * @param channelId the message's channel
 * @param messageId the message
 * @param guildId the guild, absent for DMs
 * @param member the member who reacted (ADD in a guild only)
 * @param emoji the emoji (partial; its name is null for a deleted custom emoji)
 * @param messageAuthorId who wrote the message (ADD only)
 * @param burst whether it is a super-reaction
 * @param type the reaction type: 0 normal, 1 super
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageReaction(Snowflake userId, Snowflake channelId, Snowflake messageId, Snowflake guildId,
		Member member, Emoji emoji, Snowflake messageAuthorId, Boolean burst, Integer type) {
}
