package io.github.discordgateway.model;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A guild (server), as GUILD_CREATE and GUILD_UPDATE carry it. The fields from {@code joinedAt} on come only with
 * GUILD_CREATE; during an outage GUILD_CREATE holds just {@code id} and {@code unavailable}.
 *
 * @param id the guild's id
 * @param name the guild's name
 * @param icon the icon hash, if set
 * @param description the description of a community guild, if set
 * @param ownerId the owner's user id
 * @param features the guild feature names, e.g. {@code COMMUNITY}
 * @param roles the guild's roles
 * @param emojis the guild's custom emoji
 * @param preferredLocale the locale of a community guild, e.g. {@code en-US}
 * @param joinedAt when the bot joined the guild
 * @param large whether the guild counts as large (offline members are then left out)
 * @param unavailable {@code true} if the guild is down in an outage
 * @param memberCount how many members the guild has
 * @param voiceStates who is in voice now (these lack {@code guildId})
 * @param members the members sent (without GUILD_PRESENCES, only the bot and users in voice)
 * @param channels the guild's channels
 * @param threads the active threads the bot can see
 * @param presences presences of the members sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Guild(Snowflake id, String name, String icon, String description, Snowflake ownerId,
		List<String> features, List<Role> roles, List<Emoji> emojis, String preferredLocale, OffsetDateTime joinedAt,
		Boolean large, Boolean unavailable, Integer memberCount, List<VoiceState> voiceStates, List<Member> members,
		List<Channel> channels, List<Channel> threads, List<Presence> presences) {
}
