package io.github.discordgateway.simulator;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds what the simulator sends. Non-dispatch payloads carry {@code "t":null,"s":null} as Discord's wire
 * does, except Heartbeat ACK, which is the docs' bare {@code {"op":11}}: clients meet both shapes.
 * Undocumented {@code _trace} fields are included as Discord includes them, so strict parsers fail here.
 */
final class Payloads {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")
		.withZone(ZoneOffset.UTC);

	/** Application flags GATEWAY_PRESENCE, GATEWAY_GUILD_MEMBERS and GATEWAY_MESSAGE_CONTENT (bits 12, 14, 18). */
	private static final long FLAG_PRESENCE = 1L << 12;

	private static final long FLAG_GUILD_MEMBERS = 1L << 14;

	private static final long FLAG_MESSAGE_CONTENT = 1L << 18;

	private Payloads() {
	}

	static String hello(long heartbeatIntervalMillis) {
		ObjectNode d = Json.MAPPER.createObjectNode();
		d.put("heartbeat_interval", heartbeatIntervalMillis);
		d.set("_trace", trace());
		return control(10, d);
	}

	static String heartbeatAck() {
		return "{\"op\":11}";
	}

	static String heartbeatRequest() {
		return control(1, Json.MAPPER.nullNode());
	}

	static String reconnect() {
		return control(7, Json.MAPPER.nullNode());
	}

	static String invalidSession(boolean resumable) {
		return control(9, Json.MAPPER.getNodeFactory().booleanNode(resumable));
	}

	static String dispatch(String event, long sequence, JsonNode d) {
		ObjectNode payload = Json.MAPPER.createObjectNode();
		payload.put("t", event);
		payload.put("s", sequence);
		payload.put("op", 0);
		payload.set("d", d);
		return Json.MAPPER.writeValueAsString(payload);
	}

	private static String control(int op, JsonNode d) {
		ObjectNode payload = Json.MAPPER.createObjectNode();
		payload.putNull("t");
		payload.putNull("s");
		payload.put("op", op);
		payload.set("d", d);
		return Json.MAPPER.writeValueAsString(payload);
	}

	static ObjectNode ready(SimulatorOptions options, String sessionId, URI resumeGatewayUrl, SimulatedSession.Shard shard,
			List<SimulatedGuild> guilds) {
		ObjectNode d = Json.MAPPER.createObjectNode();
		d.put("v", 10);
		d.set("user_settings", Json.MAPPER.createObjectNode());
		d.set("user", user(options.botUser()));
		d.put("session_type", "normal");
		d.put("session_id", sessionId);
		d.put("resume_gateway_url", resumeGatewayUrl.toString());
		d.set("relationships", Json.MAPPER.createArrayNode());
		d.set("private_channels", Json.MAPPER.createArrayNode());
		d.set("presences", Json.MAPPER.createArrayNode());
		ArrayNode stubs = d.putArray("guilds");
		for (SimulatedGuild guild : guilds) {
			stubs.addObject().put("id", guild.id()).put("unavailable", true);
		}
		d.set("guild_join_requests", Json.MAPPER.createArrayNode());
		d.set("geo_ordered_rtc_regions", Json.MAPPER.createArrayNode().add("simulated"));
		if (shard != null) {
			d.putArray("shard").add(shard.id()).add(shard.count());
		}
		d.putObject("application")
			.put("id", options.botUser().id())
			.put("flags", applicationFlags(options.enabledPrivilegedIntents()));
		d.set("_trace", trace());
		return d;
	}

	static ObjectNode resumed() {
		ObjectNode d = Json.MAPPER.createObjectNode();
		d.set("_trace", trace());
		return d;
	}

	static ObjectNode guildCreate(SimulatedGuild guild, BotUser bot, Instant joinedAt) {
		ObjectNode d = Json.MAPPER.createObjectNode();
		d.put("id", guild.id());
		d.put("name", guild.name());
		d.putNull("icon");
		d.putNull("description");
		d.putNull("splash");
		d.putNull("discovery_splash");
		d.putArray("features");
		d.putArray("emojis");
		d.putArray("stickers");
		d.putNull("banner");
		d.put("owner_id", bot.id());
		d.putNull("application_id");
		d.putNull("afk_channel_id");
		d.put("afk_timeout", 300);
		d.putNull("system_channel_id");
		d.put("verification_level", 0);
		d.putArray("roles")
			.addObject()
			.put("id", guild.id())
			.put("name", "@everyone")
			.put("color", 0)
			.put("hoist", false)
			.put("position", 0)
			.put("permissions", "2248473465835073")
			.put("managed", false)
			.put("mentionable", false)
			.put("flags", 0);
		d.put("default_message_notifications", 0);
		d.put("mfa_level", 0);
		d.put("explicit_content_filter", 0);
		d.putNull("vanity_url_code");
		d.put("premium_tier", 0);
		d.put("system_channel_flags", 0);
		d.put("preferred_locale", "en-US");
		d.putNull("rules_channel_id");
		d.putNull("public_updates_channel_id");
		d.put("nsfw_level", 0);
		d.put("premium_progress_bar_enabled", false);
		d.put("joined_at", timestamp(joinedAt));
		d.put("large", false);
		d.put("unavailable", false);
		d.put("member_count", 1 + guild.members().size());
		d.putArray("voice_states");
		ObjectNode member = d.putArray("members").addObject();
		member.set("user", user(bot));
		member.putArray("roles");
		member.put("joined_at", timestamp(joinedAt)).put("deaf", false).put("mute", false).put("flags", 0);
		d.putArray("channels")
			.addObject()
			.put("id", guild.textChannelId())
			.put("type", 0)
			.put("name", guild.textChannelName())
			.put("position", 0)
			.putNull("topic")
			.put("nsfw", false)
			.putNull("last_message_id")
			.put("rate_limit_per_user", 0)
			.putNull("parent_id")
			.put("flags", 0)
			.putArray("permission_overwrites");
		d.putArray("threads");
		d.putArray("presences");
		d.putArray("stage_instances");
		d.putArray("guild_scheduled_events");
		d.putArray("soundboard_sounds");
		return d;
	}

	static ObjectNode user(BotUser bot) {
		ObjectNode user = Json.MAPPER.createObjectNode();
		user.put("id", bot.id());
		user.put("username", bot.username());
		user.put("discriminator", "0");
		user.putNull("global_name");
		user.putNull("avatar");
		user.put("bot", true);
		user.put("verified", true);
		user.put("mfa_enabled", false);
		user.put("flags", 0);
		user.put("public_flags", 0);
		return user;
	}

	/**
	 * A message object as POST /channels/{id}/messages returns it.
	 */
	static ObjectNode message(String id, String channelId, String content, JsonNode nonce, BotUser author,
			Instant createdAt) {
		ObjectNode message = Json.MAPPER.createObjectNode();
		message.put("id", id);
		message.put("type", 0);
		message.put("content", content);
		message.put("channel_id", channelId);
		message.set("author", user(author));
		message.putArray("attachments");
		message.putArray("embeds");
		message.putArray("mentions");
		message.putArray("mention_roles");
		message.put("pinned", false);
		message.put("mention_everyone", false);
		message.put("tts", false);
		message.put("timestamp", timestamp(createdAt));
		message.putNull("edited_timestamp");
		message.put("flags", 0);
		message.putArray("components");
		if (nonce != null && !nonce.isNull()) {
			message.set("nonce", nonce);
		}
		return message;
	}

	/**
	 * The MESSAGE_CREATE {@code d} for a guild message: the message plus {@code guild_id} and a partial
	 * {@code member} without {@code user}.
	 */
	static ObjectNode messageCreate(ObjectNode message, String guildId, Instant joinedAt) {
		ObjectNode d = message.deepCopy();
		d.put("guild_id", guildId);
		d.put("channel_type", 0);
		ObjectNode member = d.putObject("member");
		member.putArray("roles");
		member.put("joined_at", timestamp(joinedAt)).put("deaf", false).put("mute", false).put("flags", 0);
		return d;
	}

	/** The RATE_LIMITED {@code d} that refuses a command. */
	static ObjectNode rateLimited(int opcode, double retryAfterSeconds, String guildId, String nonce) {
		ObjectNode d = Json.MAPPER.createObjectNode();
		d.put("opcode", opcode);
		d.put("retry_after", retryAfterSeconds);
		ObjectNode meta = d.putObject("meta");
		meta.put("guild_id", guildId);
		if (nonce != null) {
			meta.put("nonce", nonce);
		}
		return d;
	}

	static String error(int code, String message) {
		ObjectNode body = Json.MAPPER.createObjectNode();
		body.put("message", message);
		body.put("code", code);
		return Json.MAPPER.writeValueAsString(body);
	}

	private static long applicationFlags(long enabledPrivilegedIntents) {
		long flags = 0;
		if ((enabledPrivilegedIntents & Intents.GUILD_PRESENCES) != 0) {
			flags |= FLAG_PRESENCE;
		}
		if ((enabledPrivilegedIntents & Intents.GUILD_MEMBERS) != 0) {
			flags |= FLAG_GUILD_MEMBERS;
		}
		if ((enabledPrivilegedIntents & Intents.MESSAGE_CONTENT) != 0) {
			flags |= FLAG_MESSAGE_CONTENT;
		}
		return flags;
	}

	private static ArrayNode trace() {
		return Json.MAPPER.createArrayNode().add("[\"gateway-simulator\",{\"micros\":0}]");
	}

	private static String timestamp(Instant instant) {
		return TIMESTAMP.format(instant);
	}

}
