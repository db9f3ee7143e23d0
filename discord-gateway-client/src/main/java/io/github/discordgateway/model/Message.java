package io.github.discordgateway.model;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A message, as MESSAGE_CREATE and MESSAGE_UPDATE carry it (with the gateway's extra {@code guildId}, {@code member}
 * and {@code channelType}). Without the MESSAGE_CONTENT intent, content, embeds and attachments of other users'
 * messages arrive empty.
 *
 * @param id the message's id
 * @param channelId the channel it was sent in
 * @param guildId the guild, absent for DMs and ephemeral messages
 * @param author the author (a webhook's author is not a real user)
 * @param member the author's membership, without {@code user}; absent for DMs, webhooks and ephemeral messages
 * @param content the text
 * @param timestamp when it was sent
 * @param editedTimestamp when it was last edited, null if never
 * @param tts whether it was a text-to-speech message (always false in MESSAGE_UPDATE)
 * @param mentionEveryone whether it mentions {@code @everyone} or {@code @here}
 * @param mentions the users it mentions
 * @param mentionRoles the ids of the roles it mentions
 * @param attachments the attached files
 * @param embeds the embeds
 * @param reactions the reactions so far
 * @param pinned whether it is pinned
 * @param webhookId the webhook that sent it, if one did
 * @param type the message type
 * @param referencedMessage the message replied to, if this is a reply (null if that message was deleted)
 * @param channelType the type of the channel it was sent in
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(Snowflake id, Snowflake channelId, Snowflake guildId, User author, Member member, String content,
		OffsetDateTime timestamp, OffsetDateTime editedTimestamp, Boolean tts, Boolean mentionEveryone,
		List<MentionedUser> mentions, List<Snowflake> mentionRoles, List<Attachment> attachments, List<Embed> embeds,
		List<Reaction> reactions, Boolean pinned, Snowflake webhookId, MessageType type, Message referencedMessage,
		ChannelType channelType) {
}
