package io.github.discordgateway.event;

import io.github.discordgateway.model.GuildMember;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * GUILD_MEMBER_ADD: a user joined a guild (needs the GUILD_MEMBERS intent).
 */
public final class GuildMemberAddEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public GuildMemberAddEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("GUILD_MEMBER_ADD", shardId, sequence, replayed, data, json);
	}

	/**
	 * The new member and the guild, decoded when first asked for.
	 */
	public GuildMember getMember() {
		return data(GuildMember.class);
	}

}
