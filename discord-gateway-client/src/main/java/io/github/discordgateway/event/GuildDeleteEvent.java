package io.github.discordgateway.event;

import io.github.discordgateway.model.UnavailableGuild;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * GUILD_DELETE: a guild went down in an outage, or the bot left or was removed from it
 * ({@link UnavailableGuild#isRemoved()} tells which).
 */
public final class GuildDeleteEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public GuildDeleteEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("GUILD_DELETE", shardId, sequence, replayed, data, json);
	}

	/**
	 * The guild stub, decoded when first asked for.
	 */
	public UnavailableGuild getGuild() {
		return data(UnavailableGuild.class);
	}

}
