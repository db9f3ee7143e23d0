package io.github.discordgateway.event;

import io.github.discordgateway.model.TypingStart;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * TYPING_START: a user started typing.
 */
public final class TypingStartEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public TypingStartEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("TYPING_START", shardId, sequence, replayed, data, json);
	}

	/**
	 * Who is typing where, decoded when first asked for.
	 */
	public TypingStart getTyping() {
		return data(TypingStart.class);
	}

}
