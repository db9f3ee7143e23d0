package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Discord user or bot account. In PRESENCE_UPDATE only {@code id} is certain.
 *
 * @param id the user's id
 * @param username the user's name (not unique per guild; see {@code globalName} for the display name)
 * @param discriminator the legacy four-digit tag, {@code "0"} for migrated users
 * @param globalName the display name, if set
 * @param avatar the avatar hash, if set
 * @param bot whether the account is a bot ({@code null} when absent, which means no)
 * @param system whether the account is Discord's official system user
 * @param publicFlags the public user flags bitfield
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(Snowflake id, String username, String discriminator, String globalName, String avatar, Boolean bot,
		Boolean system, Integer publicFlags) {
}
