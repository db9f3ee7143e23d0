package io.github.discordgateway.model;

/**
 * MESSAGE_DELETE: one message was deleted.
 *
 * @param id the deleted message's id
 * @param channelId its channel
 * @param guildId its guild, absent for DMs
 */
public record MessageDeletion(Snowflake id, Snowflake channelId, Snowflake guildId) {
}
