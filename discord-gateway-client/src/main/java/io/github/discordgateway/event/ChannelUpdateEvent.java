package io.github.discordgateway.event;

import io.github.discordgateway.model.Channel;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * CHANNEL_UPDATE: a channel changed (not sent for {@code last_message_id}).
 */
public final class ChannelUpdateEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public ChannelUpdateEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("CHANNEL_UPDATE", shardId, sequence, replayed, data, json);
	}

	/**
	 * The channel as it is now, decoded when first asked for.
	 */
	public Channel getChannel() {
		return data(Channel.class);
	}

}
