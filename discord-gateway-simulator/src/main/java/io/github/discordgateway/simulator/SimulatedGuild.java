package io.github.discordgateway.simulator;

import java.util.Objects;

/**
 * A guild the bot is in: sent as an unavailable stub in READY and then as one GUILD_CREATE, each only to
 * the session whose shard the guild routes to ({@code (guild_id >> 22) % num_shards}).
 *
 * @param id snowflake id of the guild
 * @param name guild name
 * @param textChannelId snowflake id of the guild's one text channel; messages may be posted to it
 * @param textChannelName name of that text channel
 */
public record SimulatedGuild(String id, String name, String textChannelId, String textChannelName) {

	/**
	 * Validates the components.
	 */
	public SimulatedGuild {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(textChannelId, "textChannelId");
		Objects.requireNonNull(textChannelName, "textChannelName");
	}

}
