package io.github.discordgateway.command;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.discordgateway.model.Snowflake;

/**
 * The data of Request Guild Members (op 8). Use the factory methods: a request names users either by a username
 * prefix or by id.
 *
 * @param guildId the guild (one per request)
 * @param query a username prefix ({@code ""} with limit 0 asks for every member: needs GUILD_MEMBERS), or
 * {@code null}
 * @param limit the most members to return with a query, or {@code null}
 * @param presences whether to include presences (needs GUILD_PRESENCES), or {@code null}
 * @param userIds the users to return, or {@code null}
 * @param nonce echoed in every chunk (at most 32 bytes); the gateway client sets it to match the chunks
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestGuildMembers(String guildId, String query, Integer limit, Boolean presences,
		List<String> userIds, String nonce) {

	/** Every member of the guild (Discord allows one such request per guild every 30 s). */
	public static RequestGuildMembers all(String guildId) {
		return new RequestGuildMembers(guildId, "", 0, null, null, null);
	}

	/** Every member of the guild (Discord allows one such request per guild every 30 s). */
	public static RequestGuildMembers all(Snowflake guildId) {
		return all(guildId.toString());
	}

	/** Members whose username starts with a prefix (at most 100). */
	public static RequestGuildMembers byUsernamePrefix(String guildId, String prefix, int limit) {
		return new RequestGuildMembers(guildId, prefix, limit, null, null, null);
	}

	/** Members by user id (at most 100). */
	public static RequestGuildMembers byUserIds(String guildId, List<String> userIds) {
		return new RequestGuildMembers(guildId, null, null, null, List.copyOf(userIds), null);
	}

	/** This request, also asking for presences. */
	public RequestGuildMembers withPresences() {
		return new RequestGuildMembers(this.guildId, this.query, this.limit, true, this.userIds, this.nonce);
	}

	RequestGuildMembers withNonce(String nonce) {
		return new RequestGuildMembers(this.guildId, this.query, this.limit, this.presences, this.userIds, nonce);
	}

}
