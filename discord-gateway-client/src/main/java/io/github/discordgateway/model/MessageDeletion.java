package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * MESSAGE_DELETE: one message was deleted.
 *
 * @param id the deleted message's id
 * @param channelId its channel
 * @param guildId its guild, absent for DMs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageDeletion(Snowflake id, Snowflake channelId, Snowflake guildId) {
}
