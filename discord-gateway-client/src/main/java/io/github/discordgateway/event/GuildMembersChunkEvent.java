package io.github.discordgateway.event;

import io.github.discordgateway.model.GuildMembersChunk;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * GUILD_MEMBERS_CHUNK: one chunk of the reply to a Request Guild Members.
 */
public final class GuildMembersChunkEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public GuildMembersChunkEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("GUILD_MEMBERS_CHUNK", shardId, sequence, replayed, data, json);
	}

	/**
	 * The chunk, decoded when first asked for.
	 */
	public GuildMembersChunk getChunk() {
		return data(GuildMembersChunk.class);
	}

}
