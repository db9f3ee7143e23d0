package io.github.discordgateway.event;

import io.github.discordgateway.model.Guild;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * GUILD_CREATE: a guild became available: while the session starts, after an outage, or when the bot joined it.
 */
public final class GuildCreateEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public GuildCreateEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("GUILD_CREATE", shardId, sequence, replayed, data, json);
	}

	/**
	 * The guild, decoded when first asked for.
	 */
	public Guild getGuild() {
		return data(Guild.class);
	}

}
