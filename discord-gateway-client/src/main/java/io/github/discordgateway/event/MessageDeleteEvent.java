package io.github.discordgateway.event;

import io.github.discordgateway.model.MessageDeletion;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * MESSAGE_DELETE: a message was deleted.
 */
public final class MessageDeleteEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public MessageDeleteEvent(int shardId, long sequence, RawJson data, GatewayJson json) {
		super("MESSAGE_DELETE", shardId, sequence, data, json);
	}

	/**
	 * Which message was deleted, decoded when first asked for.
	 */
	public MessageDeletion getDeletion() {
		return data(MessageDeletion.class);
	}

}
