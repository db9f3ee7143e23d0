package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A guild stub: what READY lists, and what GUILD_DELETE (and an outage-time GUILD_CREATE) carries.
 *
 * @param id the guild's id
 * @param unavailable {@code true} during an outage; absent in a GUILD_DELETE when the bot left or was removed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnavailableGuild(Snowflake id, Boolean unavailable) {

	/**
	 * For GUILD_DELETE: whether the bot left or was removed from the guild, rather than it going down in an outage.
	 */
	public boolean isRemoved() {
		return !Boolean.TRUE.equals(this.unavailable);
	}

}
