package io.github.discordgateway.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * MESSAGE_DELETE_BULK: several messages were deleted at once.
 *
 * @param ids the deleted messages' ids
 * @param channelId their channel
 * @param guildId their guild, absent for DMs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageBulkDeletion(List<Snowflake> ids, Snowflake channelId, Snowflake guildId) {
}
