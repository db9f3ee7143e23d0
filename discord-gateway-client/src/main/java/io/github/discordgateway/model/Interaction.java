package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * INTERACTION_CREATE: a slash command, component click, autocomplete or modal submit. Reply over HTTP within 3
 * seconds, using {@code id} and {@code token}.
 *
 * @param id the interaction's id
 * @param applicationId the application it is for
 * @param type the interaction type
 * @param data what was invoked (absent only for PING)
 * @param guildId the guild it came from, absent in DMs
 * @param channel the channel it came from (partial)
 * @param channelId the channel's id
 * @param member the invoking member, in guilds (then {@code user} is absent)
 * @param user the invoking user, in DMs
 * @param token the token for replying, valid for 15 minutes
 * @param version always 1
 * @param message the message a component belongs to
 * @param appPermissions the bot's permissions in the channel, as a decimal string
 * @param locale the invoking user's language
 * @param guildLocale the guild's preferred language
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Interaction(Snowflake id, Snowflake applicationId, InteractionType type, InteractionData data,
		Snowflake guildId, Channel channel, Snowflake channelId, Member member, User user, String token,
		Integer version, Message message, String appPermissions, String locale, String guildLocale) {
}
