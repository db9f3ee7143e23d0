package io.github.discordgateway.event;

import io.github.discordgateway.model.Interaction;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * INTERACTION_CREATE: a user invoked a command or used a component; reply over HTTP within 3 seconds.
 */
public final class InteractionCreateEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public InteractionCreateEvent(int shardId, long sequence, RawJson data, GatewayJson json) {
		super("INTERACTION_CREATE", shardId, sequence, data, json);
	}

	/**
	 * The interaction, decoded when first asked for.
	 */
	public Interaction getInteraction() {
		return data(Interaction.class);
	}

}
