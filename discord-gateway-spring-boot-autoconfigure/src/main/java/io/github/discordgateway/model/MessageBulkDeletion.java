package io.github.discordgateway.model;

import java.util.List;

/**
 * MESSAGE_DELETE_BULK: several messages were deleted at once.
 *
 * @param ids the deleted messages' ids
 * @param channelId their channel
 * @param guildId their guild, absent for DMs
 */
public record MessageBulkDeletion(List<Snowflake> ids, Snowflake channelId, Snowflake guildId) {
}
