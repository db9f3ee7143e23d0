package io.github.discordgateway.command;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The answer to a Request Guild Members: every chunk's members, together.
 *
 * @param guildId the guild
 * @param members the members found (guild member objects)
 * @param notFound the requested user ids that are not members
 * @param presences the members' presences, when asked for
 */
public record GuildMembers(String guildId, List<JsonNode> members, List<String> notFound, List<JsonNode> presences) {
}
