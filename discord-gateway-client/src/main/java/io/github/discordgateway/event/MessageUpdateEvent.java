package io.github.discordgateway.event;

import io.github.discordgateway.model.Message;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * MESSAGE_UPDATE: a message was edited.
 */
public final class MessageUpdateEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public MessageUpdateEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("MESSAGE_UPDATE", shardId, sequence, replayed, data, json);
	}

	/**
	 * The message as it is now, decoded when first asked for.
	 */
	public Message getMessage() {
		return data(Message.class);
	}

}
