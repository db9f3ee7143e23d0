package io.github.discordgateway.test.kit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The parts the builders' payloads share: fresh ids, users, members and the interaction envelope, shaped as
 * Discord sends them.
 */
final class KitPayloads {

	static final String JOINED_AT = "2024-01-01T00:00:00.000000+00:00";

	private static final AtomicLong ids = new AtomicLong(1_310_000_000_000_000_000L);

	private KitPayloads() {
	}

	/** A fresh snowflake, unique within the JVM. */
	static String nextId() {
		return String.valueOf(ids.incrementAndGet());
	}

	static Map<String, Object> user(String id, String username, boolean bot) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", id);
		user.put("username", username);
		user.put("discriminator", "0");
		user.put("global_name", username);
		user.put("avatar", null);
		user.put("bot", bot);
		return user;
	}

	/** A guild member with its user, as interactions and GUILD_MEMBER_ADD carry it. */
	static Map<String, Object> member(Map<String, Object> user, List<String> roles) {
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("user", user);
		member.put("nick", null);
		member.put("avatar", null);
		member.put("roles", List.copyOf(roles));
		member.put("joined_at", JOINED_AT);
		member.put("premium_since", null);
		member.put("deaf", false);
		member.put("mute", false);
		member.put("flags", 0);
		member.put("pending", false);
		return member;
	}

	/**
	 * An interaction from a member of the simulated guild in its text channel, as Discord sends it to a bot
	 * without an interactions endpoint URL (with a fresh id and token).
	 */
	static Map<String, Object> interaction(SimulatedDiscord discord, int type, Map<String, Object> data,
			String userId, String username) {
		String guildId = discord.guild().id();
		Map<String, Object> member = member(user(userId, username, false), List.of());
		member.put("permissions", "2147483647");
		Map<String, Object> interaction = new LinkedHashMap<>();
		interaction.put("id", nextId());
		interaction.put("application_id", discord.simulator().options().botUser().id());
		interaction.put("type", type);
		interaction.put("data", data);
		interaction.put("guild_id", guildId);
		interaction.put("channel_id", discord.guild().textChannelId());
		interaction.put("member", member);
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

	/** A message the bot posted, which components belong to. */
	static Map<String, Object> botMessage(SimulatedDiscord discord, String messageId,
			List<Map<String, Object>> components) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("id", messageId);
		message.put("channel_id", discord.guild().textChannelId());
		message.put("author", user(discord.simulator().options().botUser().id(),
				discord.simulator().options().botUser().username(), true));
		message.put("content", "");
		message.put("timestamp", JOINED_AT);
		message.put("edited_timestamp", null);
		message.put("tts", false);
		message.put("mention_everyone", false);
		message.put("mentions", List.of());
		message.put("mention_roles", List.of());
		message.put("attachments", List.of());
		message.put("embeds", List.of());
		message.put("components", components);
		message.put("pinned", false);
		message.put("type", 0);
		message.put("flags", 0);
		return message;
	}

}
