package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A guild role.
 *
 * @param id the role's id (the {@code @everyone} role has the guild's id)
 * @param name the role's name
 * @param color the RGB colour, 0 for none
 * @param hoist whether members with the role are listed apart
 * @param position the position in the role list
 * @param permissions the permission bitfield, as a decimal string
 * @param managed whether an integration manages the role
 * @param mentionable whether anyone can mention the role
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Role(Snowflake id, String name, Integer color, Boolean hoist, Integer position, String permissions,
		Boolean managed, Boolean mentionable) {
}
