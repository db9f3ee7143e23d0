package io.github.discordgateway.event;

import io.github.discordgateway.model.Channel;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * CHANNEL_CREATE: a channel was created.
 */
public final class ChannelCreateEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public ChannelCreateEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("CHANNEL_CREATE", shardId, sequence, replayed, data, json);
	}

	/**
	 * The new channel, decoded when first asked for.
	 */
	public Channel getChannel() {
		return data(Channel.class);
	}

}
