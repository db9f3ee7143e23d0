package io.github.discordgateway.test.kit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an INTERACTION_CREATE for a slash command, as Discord sends it to a bot without an interactions
 * endpoint URL, and dispatches it. The bot answers with {@code POST /interactions/{id}/{token}/callback}, which
 * the simulator accepts (204) and records: see {@link SimulatedDiscord#awaitInteractionResponse(String)}.
 *
 * @since 0.1.0
 */
public final class SlashCommandBuilder {

	private final SimulatedDiscord discord;

	private final String name;

	private final List<Map<String, Object>> options = new ArrayList<>();

	private String userId = "80351110224678912";

	private String username = "ada";

	SlashCommandBuilder(SimulatedDiscord discord, String name) {
		this.discord = discord;
		this.name = name;
	}

	/** Adds a string option. */
	public SlashCommandBuilder option(String name, String value) {
		return option(name, 3, value);
	}

	/** Adds an integer option. */
	public SlashCommandBuilder option(String name, long value) {
		return option(name, 4, value);
	}

	/** Adds a boolean option. */
	public SlashCommandBuilder option(String name, boolean value) {
		return option(name, 5, value);
	}

	private SlashCommandBuilder option(String name, int type, Object value) {
		this.options.add(Map.of("name", name, "type", type, "value", value));
		return this;
	}

	/** Sets the user who runs the command. */
	public SlashCommandBuilder from(String userId, String username) {
		this.userId = userId;
		this.username = username;
		return this;
	}

	/** The interaction data, as the dispatch carries it (with a fresh id and token). */
	public Map<String, Object> data() {
		Map<String, Object> command = new LinkedHashMap<>();
		command.put("id", KitPayloads.nextId());
		command.put("name", this.name);
		command.put("type", 1);
		command.put("options", List.copyOf(this.options));
		return KitPayloads.interaction(this.discord, 2, command, this.userId, this.username);
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
