package io.github.discordgateway.event;

import io.github.discordgateway.model.Channel;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * THREAD_DELETE: a thread was deleted.
 */
public final class ThreadDeleteEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public ThreadDeleteEvent(int shardId, long sequence, RawJson data, GatewayJson json) {
		super("THREAD_DELETE", shardId, sequence, data, json);
	}

	/**
	 * The deleted thread ({@code id}, {@code guildId}, {@code parentId} and {@code type} only), decoded when first
	 * asked for.
	 */
	public Channel getThread() {
		return data(Channel.class);
	}

}
