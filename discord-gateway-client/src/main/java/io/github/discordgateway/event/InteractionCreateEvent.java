package io.github.discordgateway.event;

import io.github.discordgateway.model.Interaction;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * INTERACTION_CREATE: a user invoked a command, used a component or submitted a modal; reply over HTTP within 3
 * seconds, posting an {@link io.github.discordgateway.model.InteractionResponse} to {@link #getCallbackPath()}.
 */
public final class InteractionCreateEvent extends DispatchEvent {

	/**
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its data, undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public InteractionCreateEvent(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		super("INTERACTION_CREATE", shardId, sequence, replayed, data, json);
	}

	/**
	 * The interaction, decoded when first asked for.
	 */
	public Interaction getInteraction() {
		return data(Interaction.class);
	}

	/**
	 * Where the response goes, relative to the API base URL of the {@code discordRestClient}:
	 * {@code /interactions/{id}/{token}/callback}. Post an
	 * {@link io.github.discordgateway.model.InteractionResponse} there within 3 seconds:
	 * <pre>{@code
	 * discord.post().uri(event.getCallbackPath()).body(InteractionResponse.message("pong"))
	 *     .retrieve().toBodilessEntity();
	 * }</pre>
	 */
	public String getCallbackPath() {
		Interaction interaction = getInteraction();
		return "/interactions/" + interaction.id() + "/" + interaction.token() + "/callback";
	}

}
