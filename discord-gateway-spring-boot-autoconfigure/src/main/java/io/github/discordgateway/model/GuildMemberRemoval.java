package io.github.discordgateway.model;

/**
 * GUILD_MEMBER_REMOVE: a user left the guild, was kicked or was banned.
 *
 * @param guildId the guild
 * @param user the user who is no longer a member
 */
public record GuildMemberRemoval(Snowflake guildId, User user) {
}
