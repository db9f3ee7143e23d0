package io.github.discordgateway.event;

import io.github.discordgateway.model.Channel;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * THREAD_CREATE: a thread was created, or the bot was added to one.
 */
public final class ThreadCreateEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public ThreadCreateEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("THREAD_CREATE", shardId, sequence, replayed, data, json);
	}

	/**
	 * The thread, decoded when first asked for.
	 */
	public Channel getThread() {
		return data(Channel.class);
	}

}
