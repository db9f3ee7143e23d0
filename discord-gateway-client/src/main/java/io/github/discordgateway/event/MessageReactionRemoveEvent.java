package io.github.discordgateway.event;

import io.github.discordgateway.model.MessageReaction;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * MESSAGE_REACTION_REMOVE: a user took a reaction back.
 */
public final class MessageReactionRemoveEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public MessageReactionRemoveEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("MESSAGE_REACTION_REMOVE", shardId, sequence, replayed, data, json);
	}

	/**
	 * The reaction removed, decoded when first asked for.
	 */
	public MessageReaction getReaction() {
		return data(MessageReaction.class);
	}

}
