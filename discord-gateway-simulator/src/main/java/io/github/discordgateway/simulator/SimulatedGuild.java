package io.github.discordgateway.simulator;

import java.util.List;
import java.util.Objects;

/**
 * A guild the bot is in: sent as an unavailable stub in READY and then as one GUILD_CREATE, each only to
 * the session whose shard the guild routes to ({@code (guild_id >> 22) % num_shards}).
 *
 * @param id snowflake id of the guild
 * @param name guild name
 * @param textChannelId snowflake id of the guild's one text channel; messages may be posted to it
 * @param textChannelName name of that text channel
 * @param members the members besides the bot, which Request Guild Members finds
 */
public record SimulatedGuild(String id, String name, String textChannelId, String textChannelName,
		List<SimulatedMember> members) {

	/**
	 * Validates the components.
	 */
	public SimulatedGuild {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(textChannelId, "textChannelId");
		Objects.requireNonNull(textChannelName, "textChannelName");
		members = List.copyOf(members);
	}

	/**
	 * A guild whose only member is the bot.
	 * @param id snowflake id of the guild
	 * @param name guild name
	 * @param textChannelId snowflake id of the guild's text channel
	 * @param textChannelName name of that text channel
	 */
	public SimulatedGuild(String id, String name, String textChannelId, String textChannelName) {
		this(id, name, textChannelId, textChannelName, List.of());
	}

	/**
	 * This guild with other members besides the bot.
	 * @param members the members
	 * @return a copy with those members
	 */
	public SimulatedGuild withMembers(List<SimulatedMember> members) {
		return new SimulatedGuild(this.id, this.name, this.textChannelId, this.textChannelName, members);
	}

}
