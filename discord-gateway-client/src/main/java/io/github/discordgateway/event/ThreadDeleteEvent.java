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
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public ThreadDeleteEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("THREAD_DELETE", shardId, sequence, replayed, data, json);
	}

	/**
	 * The deleted thread ({@code id}, {@code guildId}, {@code parentId} and {@code type} only), decoded when first
	 * asked for.
	 */
	public Channel getThread() {
		return data(Channel.class);
	}

}
