package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * GUILD_MEMBER_REMOVE: a user left the guild, was kicked or was banned.
 *
 * @param guildId the guild
 * @param user the user who is no longer a member
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GuildMemberRemoval(Snowflake guildId, User user) {
}
