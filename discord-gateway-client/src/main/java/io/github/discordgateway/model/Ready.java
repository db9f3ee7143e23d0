package io.github.discordgateway.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * READY: a new session started. The guilds come later, one GUILD_CREATE each.
 *
 * @param v the gateway API version
 * @param user the bot's user
 * @param guilds the bot's guilds, all as unavailable stubs
 * @param sessionId the session's id, for resuming
 * @param resumeGatewayUrl the URL to resume on
 * @param shard the session's shard, if Identify named one
 * @param application the bot's application ({@code id} and {@code flags} only)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ready(Integer v, User user, List<UnavailableGuild> guilds, String sessionId, String resumeGatewayUrl,
		ShardInfo shard, PartialApplication application) {
}
