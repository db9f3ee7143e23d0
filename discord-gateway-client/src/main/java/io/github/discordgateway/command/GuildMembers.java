package io.github.discordgateway.command;

import java.util.List;

import io.github.discordgateway.model.Member;
import io.github.discordgateway.model.Presence;
import io.github.discordgateway.model.Snowflake;

/**
 * The answer to a Request Guild Members: every chunk's members, together.
 *
 * @param guildId the guild
 * @param members the members found
 * @param notFound the requested user ids that are not members
 * @param presences the members' presences, when asked for
 */
public record GuildMembers(Snowflake guildId, List<Member> members, List<Snowflake> notFound,
		List<Presence> presences) {
}
