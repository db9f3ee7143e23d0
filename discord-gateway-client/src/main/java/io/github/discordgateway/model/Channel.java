package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A guild channel, DM or thread. THREAD_DELETE carries only {@code id}, {@code guildId}, {@code parentId} and
 * {@code type}.
 *
 * @param id the channel's id
 * @param type the channel type
 * @param guildId its guild (missing in some payloads, such as a GUILD_CREATE's channel list)
 * @param parentId the category of a channel, or the channel a thread was started in
 * @param name the name
 * @param topic the topic
 * @param position the sort position
 * @param nsfw whether it is age-restricted
 * @param lastMessageId the latest message's id (not kept up to date by CHANNEL_UPDATE)
 * @param ownerId the creator of a thread or group DM
 * @param rateLimitPerUser the slow-mode delay, in seconds
 * @param bitrate a voice channel's bitrate, in bits per second
 * @param userLimit a voice channel's user limit, 0 for none
 * @param threadMetadata a thread's state
 * @param messageCount about how many messages a thread has
 * @param memberCount about how many members a thread has (stops counting at 50)
 * @param newlyCreated in THREAD_CREATE: true when the thread is new, rather than the bot being added to it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Channel(Snowflake id, ChannelType type, Snowflake guildId, Snowflake parentId, String name, String topic,
		Integer position, Boolean nsfw, Snowflake lastMessageId, Snowflake ownerId, Integer rateLimitPerUser,
		Integer bitrate, Integer userLimit, ThreadMetadata threadMetadata, Integer messageCount, Integer memberCount,
		Boolean newlyCreated) {
}
