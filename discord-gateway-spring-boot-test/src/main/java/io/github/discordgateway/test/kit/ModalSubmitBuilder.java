package io.github.discordgateway.test.kit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an INTERACTION_CREATE for a submitted modal (type 5), with one text input per field, and dispatches it.
 * The bot answers over HTTP: see {@link SimulatedDiscord#awaitInteractionResponse(String)}.
 *
 * @since 0.1.0
 */
public final class ModalSubmitBuilder {

	private final SimulatedDiscord discord;

	private final String customId;

	private final List<Map<String, Object>> rows = new ArrayList<>();

	private String userId = "80351110224678912";

	private String username = "ada";

	ModalSubmitBuilder(SimulatedDiscord discord, String customId) {
		this.discord = discord;
		this.customId = customId;
	}

	/**
	 * Adds a text input the user filled in, in an action row of its own as Discord sends it.
	 * @param customId the text input's {@code custom_id}
	 * @param value what the user typed
	 */
	public ModalSubmitBuilder field(String customId, String value) {
		Map<String, Object> input = Map.of("type", 4, "custom_id", customId, "value", value);
		this.rows.add(Map.of("type", 1, "components", List.of(input)));
		return this;
	}

	/** Sets the user who submitted the modal. */
	public ModalSubmitBuilder from(String userId, String username) {
		this.userId = userId;
		this.username = username;
		return this;
	}

	/** The interaction data, as the dispatch carries it (with a fresh id and token). */
	public Map<String, Object> data() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("custom_id", this.customId);
		data.put("components", List.copyOf(this.rows));
		return KitPayloads.interaction(this.discord, 5, data, this.userId, this.username);
	}

	/**
	 * Dispatches it on the bot's session.
	 * @return the interaction's id, to await the bot's response with
	 */
	public String send() {
		Map<String, Object> interaction = data();
		this.discord.dispatch("INTERACTION_CREATE", interaction);
		return (String) interaction.get("id");
	}

}
