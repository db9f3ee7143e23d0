package io.github.discordgateway.event;

import io.github.discordgateway.model.GuildMemberRemoval;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * GUILD_MEMBER_REMOVE: a user left, was kicked from or was banned from a guild.
 */
public final class GuildMemberRemoveEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public GuildMemberRemoveEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("GUILD_MEMBER_REMOVE", shardId, sequence, replayed, data, json);
	}

	/**
	 * Who left which guild, decoded when first asked for.
	 */
	public GuildMemberRemoval getRemoval() {
		return data(GuildMemberRemoval.class);
	}

}
