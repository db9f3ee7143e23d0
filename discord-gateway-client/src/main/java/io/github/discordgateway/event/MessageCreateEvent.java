package io.github.discordgateway.event;

import io.github.discordgateway.model.Message;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * MESSAGE_CREATE: a message was sent.
 */
public final class MessageCreateEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public MessageCreateEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("MESSAGE_CREATE", shardId, sequence, replayed, data, json);
	}

	/**
	 * The message, decoded when first asked for.
	 */
	public Message getMessage() {
		return data(Message.class);
	}

}
