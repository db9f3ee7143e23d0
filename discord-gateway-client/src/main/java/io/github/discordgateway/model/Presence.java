package io.github.discordgateway.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * PRESENCE_UPDATE (and the presences in GUILD_CREATE and GUILD_MEMBERS_CHUNK): a user's status and activities.
 * Discord guarantees no field here and does not validate their types; expect any of them to be null.
 *
 * @param user the user, often holding only {@code id}
 * @param guildId the guild the presence is for
 * @param status {@code online}, {@code idle}, {@code dnd} or {@code offline}
 * @param activities what the user is doing
 * @param clientStatus the status per platform
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Presence(User user, Snowflake guildId, String status, List<Activity> activities,
		ClientStatus clientStatus) {
}
