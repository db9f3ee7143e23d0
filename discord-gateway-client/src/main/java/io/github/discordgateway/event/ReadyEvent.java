package io.github.discordgateway.event;

import io.github.discordgateway.model.Ready;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * READY: a new session started. The guilds follow, one GUILD_CREATE each.
 */
public final class ReadyEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public ReadyEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("READY", shardId, sequence, replayed, data, json);
	}

	/**
	 * The session's details, decoded when first asked for.
	 */
	public Ready getReady() {
		return data(Ready.class);
	}

}
