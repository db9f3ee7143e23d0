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
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public MessageDeleteEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("MESSAGE_DELETE", shardId, sequence, replayed, data, json);
	}

	/**
	 * Which message was deleted, decoded when first asked for.
	 */
	public MessageDeletion getDeletion() {
		return data(MessageDeletion.class);
	}

}
