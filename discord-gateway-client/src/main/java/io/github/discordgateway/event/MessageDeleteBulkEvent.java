package io.github.discordgateway.event;

import io.github.discordgateway.model.MessageBulkDeletion;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * MESSAGE_DELETE_BULK: several messages were deleted at once.
 */
public final class MessageDeleteBulkEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public MessageDeleteBulkEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("MESSAGE_DELETE_BULK", shardId, sequence, replayed, data, json);
	}

	/**
	 * Which messages were deleted, decoded when first asked for.
	 */
	public MessageBulkDeletion getDeletion() {
		return data(MessageBulkDeletion.class);
	}

}
