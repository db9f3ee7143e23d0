package io.github.discordgateway.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * GUILD_MEMBERS_CHUNK: one reply chunk to a Request Guild Members (op 8).
 *
 * @param guildId the guild
 * @param members up to 1000 members
 * @param chunkIndex this chunk's index, from 0
 * @param chunkCount how many chunks the reply has
 * @param notFound ids asked for that are not members (ids may have been echoed as numbers)
 * @param presences the members' presences, if they were asked for
 * @param nonce the request's nonce, if it had one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GuildMembersChunk(Snowflake guildId, List<Member> members, Integer chunkIndex, Integer chunkCount,
		List<Snowflake> notFound, List<Presence> presences, String nonce) {
}
