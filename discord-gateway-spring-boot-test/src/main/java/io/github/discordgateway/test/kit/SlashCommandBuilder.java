package io.github.discordgateway.test.kit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds an INTERACTION_CREATE for a slash command, as Discord sends it to a bot without an interactions
 * endpoint URL, and dispatches it. The bot answers with {@code POST /interactions/{id}/{token}/callback}, which
 * the simulator accepts (204) and records: see {@link SimulatedDiscord#awaitInteractionResponse(String)}.
 *
 * @since 0.1.0
 */
public final class SlashCommandBuilder {

	private static final AtomicLong ids = new AtomicLong(1_310_000_000_000_000_000L);

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
		String guildId = this.discord.guild().id();
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", this.userId);
		user.put("username", this.username);
		user.put("discriminator", "0");
		user.put("global_name", this.username);
		user.put("avatar", null);
		Map<String, Object> command = new LinkedHashMap<>();
		command.put("id", String.valueOf(ids.incrementAndGet()));
		command.put("name", this.name);
		command.put("type", 1);
		command.put("options", List.copyOf(this.options));
		Map<String, Object> interaction = new LinkedHashMap<>();
		interaction.put("id", String.valueOf(ids.incrementAndGet()));
		interaction.put("application_id", this.discord.simulator().options().botUser().id());
		interaction.put("type", 2);
		interaction.put("data", command);
		interaction.put("guild_id", guildId);
		interaction.put("channel_id", this.discord.guild().textChannelId());
		interaction.put("member", Map.of("user", user, "roles", List.of(), "permissions", "2147483647",
				"joined_at", "2024-01-01T00:00:00.000000+00:00", "deaf", false, "mute", false, "flags", 0));
		interaction.put("token", "interaction-" + UUID.randomUUID());
		interaction.put("version", 1);
		interaction.put("app_permissions", "442368");
		interaction.put("locale", "en-US");
		interaction.put("guild_locale", "en-US");
		interaction.put("entitlements", List.of());
		interaction.put("authorizing_integration_owners", Map.of("0", guildId));
		interaction.put("context", 0);
		interaction.put("attachment_size_limit", 10_485_760);
		return interaction;
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
