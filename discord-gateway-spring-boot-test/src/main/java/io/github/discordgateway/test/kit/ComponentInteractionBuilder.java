package io.github.discordgateway.test.kit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an INTERACTION_CREATE for a message component (type 3): a click on a button or a choice in a string
 * select menu of a message the bot posted, and dispatches it. The bot answers over HTTP, as for a slash command:
 * see {@link SimulatedDiscord#awaitInteractionResponse(String)}.
 *
 * @since 0.1.0
 */
public final class ComponentInteractionBuilder {

	/** Component type of a button. */
	static final int BUTTON = 2;

	/** Component type of a string select menu. */
	static final int STRING_SELECT = 3;

	private final SimulatedDiscord discord;

	private final String customId;

	private final int componentType;

	private final List<String> values;

	private String messageId = KitPayloads.nextId();

	private String userId = "80351110224678912";

	private String username = "ada";

	private ComponentInteractionBuilder(SimulatedDiscord discord, String customId, int componentType,
			List<String> values) {
		this.discord = discord;
		this.customId = customId;
		this.componentType = componentType;
		this.values = values;
	}

	static ComponentInteractionBuilder button(SimulatedDiscord discord, String customId) {
		return new ComponentInteractionBuilder(discord, customId, BUTTON, null);
	}

	static ComponentInteractionBuilder stringSelect(SimulatedDiscord discord, String customId, List<String> values) {
		return new ComponentInteractionBuilder(discord, customId, STRING_SELECT, List.copyOf(values));
	}

	/** Sets the id of the bot's message the component belongs to (a fresh one by default). */
	public ComponentInteractionBuilder onMessage(String messageId) {
		this.messageId = messageId;
		return this;
	}

	/** Sets the user who used the component. */
	public ComponentInteractionBuilder from(String userId, String username) {
		this.userId = userId;
		this.username = username;
		return this;
	}

	/** The interaction data, as the dispatch carries it (with a fresh id and token). */
	public Map<String, Object> data() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("custom_id", this.customId);
		data.put("component_type", this.componentType);
		if (this.values != null) {
			data.put("values", this.values);
		}
		Map<String, Object> interaction = KitPayloads.interaction(this.discord, 3, data, this.userId, this.username);
		interaction.put("message", KitPayloads.botMessage(this.discord, this.messageId,
				List.of(Map.of("type", 1, "components", List.of(component())))));
		return interaction;
	}

	private Map<String, Object> component() {
		Map<String, Object> component = new LinkedHashMap<>();
		component.put("type", this.componentType);
		component.put("custom_id", this.customId);
		if (this.componentType == BUTTON) {
			component.put("style", 1);
			component.put("label", this.customId);
		}
		else {
			component.put("options",
					this.values.stream().map((value) -> Map.of("label", value, "value", value)).toList());
		}
		return component;
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
