package io.github.discordgateway.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Realistic MESSAGE_CREATE dispatches as the gateway sends them (the field set of a current v10 payload), each
 * with its own ids, author and text, so the zlib stream does not shrink them to back-references as it would
 * identical copies.
 */
final class MessageCreatePayloads {

	/** A plain chat message from a member: about 1.0 KB. */
	static final String PLAIN = "plain";

	/** A message with a link embed, an attachment and a mention: about 2.8 KB. */
	static final String RICH = "rich";

	/**
	 * The mix a busy guild sends: plain messages, every fourth one mentioning a member and every sixth one with a
	 * link embed; about 1.1 KB on average.
	 */
	static final String REALISTIC = "realistic";

	/** The guild every message is sent in. */
	static final String GUILD_ID = "1300000000000000001";

	/** The channel every message is sent in. */
	static final String CHANNEL_ID = "1300000000000000002";

	private static final String[] WORDS = { "gateway", "heartbeat", "shard", "resume", "guild", "channel", "spring",
			"boot", "bot", "message", "please", "thanks", "deploy", "tonight", "error", "works", "again", "why" };

	private MessageCreatePayloads() {
	}

	/** {@code count} distinct payloads of one kind, UTF-8 encoded. */
	static byte[][] create(String kind, int count) {
		byte[][] payloads = new byte[count][];
		for (int i = 0; i < count; i++) {
			payloads[i] = dispatch(kind, i, 1000 + i);
		}
		return payloads;
	}

	/**
	 * The {@code index}-th distinct payload of one kind as a whole dispatch with the given sequence number, UTF-8
	 * encoded: for streams too long to hold at once.
	 */
	static byte[] dispatch(String kind, int index, long sequence) {
		String d = switch (kind) {
			case RICH -> rich(index);
			case REALISTIC -> realistic(index);
			default -> plain(index);
		};
		return ("{\"t\":\"MESSAGE_CREATE\",\"s\":" + sequence + ",\"op\":0,\"d\":" + d + "}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The payloads as one zlib stream, the way the gateway sends them on one connection: one deflate context,
	 * a sync flush after each message.
	 */
	static byte[][] zlibStream(byte[][] payloads) {
		Deflater deflater = new Deflater();
		try {
			List<byte[]> messages = new ArrayList<>();
			for (byte[] payload : payloads) {
				deflater.setInput(payload);
				byte[] buffer = new byte[payload.length + 1024];
				int length = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
				if (length == buffer.length) {
					throw new IllegalStateException("the sync flush did not fit");
				}
				messages.add(Arrays.copyOf(buffer, length));
			}
			return messages.toArray(byte[][]::new);
		}
		finally {
			deflater.end();
		}
	}

	private static String plain(int i) {
		return """
				{"type":0,"tts":false,"timestamp":"2026-11-2%dT12:%02d:%02d.%03d000+00:00","pinned":false,"nonce":"%d",\
				"mentions":[],"mention_roles":[],"mention_everyone":false,"member":{"roles":["1300000000000000%03d",\
				"1300000000000000777"],"premium_since":null,"pending":false,"nick":%s,"mute":false,\
				"joined_at":"2024-0%d-1%dT08:00:00.000000+00:00","flags":0,"deaf":false,\
				"communication_disabled_until":null,"banner":null,"avatar":null},"id":"%d","flags":0,"embeds":[],\
				"edited_timestamp":null,"content":"%s","components":[],"channel_id":"1300000000000000002",\
				"author":{"username":"user%d","public_flags":0,"primary_guild":null,"id":"%d","global_name":"User %d",\
				"discriminator":"0","collectibles":null,"clan":null,"avatar_decoration_data":null,"avatar":"%032x"},\
				"attachments":[],"guild_id":"1300000000000000001","channel_type":0}"""
			.formatted(i % 10, i % 60, (i * 7) % 60, i % 1000, 1_400_000_000_000_000_000L + i * 31L, i % 1000,
					(i % 3 == 0) ? "null" : "\"nick " + i + "\"", 1 + i % 9, i % 10, 1_400_000_000_000_000_000L + i,
					sentence(i, 8 + i % 20), i % 5000, 1_100_000_000_000_000_000L + i % 5000, i % 5000,
					(long) i * 2_654_435_761L);
	}

	private static String rich(int i) {
		String plain = plain(i);
		String extra = """
				"embeds":[{"type":"article","url":"https://example.org/articles/%d","title":"%s",\
				"description":"%s","color":%d,"provider":{"name":"Example"},"thumbnail":{"width":400,"height":225,\
				"url":"https://example.org/images/%d.png","proxy_url":"https://images-ext-1.example.net/external/%032x/\
				https/example.org/images/%d.png","placeholder_version":1,"placeholder":"n/cFBQBdiIeAiXaHeJdwl3d4N2B4","flags":0},\
				"content_scan_version":2}],\
				"attachments":[{"id":"%d","filename":"screenshot-%d.png","size":%d,"url":"https://cdn.example.net/attachments/\
				1300000000000000002/%d/screenshot-%d.png?ex=65f1a2b3&is=65ef0fb3&hm=%064x&","proxy_url":\
				"https://media.example.net/attachments/1300000000000000002/%d/screenshot-%d.png?ex=65f1a2b3&is=65ef0fb3&\
				hm=%064x&","width":1920,"height":1080,"content_type":"image/png","placeholder":"3QcKFQL4d4iIeHeAh3iHh3h4dpB3",\
				"placeholder_version":1,"flags":0}],\
				"mentions":[{"username":"friend%d","public_flags":64,"member":{"roles":["1300000000000000777"],\
				"premium_since":null,"pending":false,"nick":null,"mute":false,"joined_at":"2023-05-01T10:00:00.000000+00:00",\
				"flags":0,"deaf":false,"communication_disabled_until":null,"banner":null,"avatar":null},"id":"%d",\
				"global_name":"Friend %d","discriminator":"0","clan":null,"avatar_decoration_data":null,"avatar":"%032x"}],"""
			.formatted(i, sentence(i + 3, 6), sentence(i + 5, 30), 0x5865F2 + i, i, (long) i * 40_503L, i,
					1_400_000_000_000_100_000L + i, i, 100_000 + i * 17, 1_400_000_000_000_100_000L + i, i,
					(long) i * 0x9E3779B97F4A7C15L, 1_400_000_000_000_100_000L + i, i, (long) i * 0x9E3779B97F4A7C15L,
					i % 400, 1_100_000_000_000_100_000L + i % 400, i % 400, (long) i * 40_503L);
		return plain.replace("\"mentions\":[],", "").replace("\"embeds\":[],", "").replace("\"attachments\":[],", "")
			.replaceFirst("\\{", "{" + extra);
	}

	private static String realistic(int i) {
		String message = plain(i);
		if (i % 4 == 0) {
			message = message.replace("\"mentions\":[]", """
					"mentions":[{"username":"friend%d","public_flags":64,"member":{"roles":["1300000000000000777"],\
					"premium_since":null,"pending":false,"nick":null,"mute":false,\
					"joined_at":"2023-05-01T10:00:00.000000+00:00","flags":0,"deaf":false,\
					"communication_disabled_until":null,"banner":null,"avatar":null},"id":"%d","global_name":"Friend %d",\
					"discriminator":"0","clan":null,"avatar_decoration_data":null,"avatar":"%032x"}]""".formatted(i % 400,
					1_100_000_000_000_100_000L + i % 400, i % 400, (long) i * 40_503L));
		}
		if (i % 6 == 0) {
			message = message.replace("\"embeds\":[]", """
					"embeds":[{"type":"link","url":"https://example.org/posts/%d","title":"%s","description":"%s",\
					"color":%d}]""".formatted(i, sentence(i + 3, 5), sentence(i + 5, 14), 0x5865F2 + i));
		}
		return message;
	}

	/**
	 * The guild of the messages as GUILD_CREATE carries it: the channel they are sent in, the roles their members
	 * have and the bot's own member, so that a client with a guild cache (JDA) finds everything a message names.
	 */
	static String guild() {
		String role = """
				{"id":"%s","name":"%s","color":0,"colors":{"primary_color":0,"secondary_color":null,\
				"tertiary_color":null},"hoist":false,"icon":null,"unicode_emoji":null,"position":%d,\
				"permissions":"1071698660929","managed":false,"mentionable":false,"flags":0}""";
		StringBuilder roles = new StringBuilder(role.formatted(GUILD_ID, "@everyone", 0));
		roles.append(',').append(role.formatted("1300000000000000777", "member", 1));
		for (int r = 0; r < 1000; r += 50) {
			roles.append(',').append(role.formatted("1300000000000000%03d".formatted(r), "role " + r, 2));
		}
		return """
				{"id":"%s","name":"Bench","icon":null,"splash":null,"discovery_splash":null,\
				"owner_id":"1100000000000000001","afk_channel_id":null,"afk_timeout":300,"verification_level":0,\
				"default_message_notifications":0,"explicit_content_filter":0,"roles":[%s],"emojis":[],"features":[],\
				"mfa_level":0,"application_id":null,"system_channel_id":null,"system_channel_flags":0,\
				"rules_channel_id":null,"max_presences":null,"max_members":500000,"vanity_url_code":null,\
				"description":null,"banner":null,"premium_tier":0,"premium_subscription_count":0,\
				"preferred_locale":"en-US","public_updates_channel_id":null,"max_video_channel_users":25,\
				"nsfw_level":0,"stickers":[],"premium_progress_bar_enabled":false,"safety_alerts_channel_id":null,\
				"joined_at":"2024-01-01T00:00:00.000000+00:00","large":false,"unavailable":false,"member_count":5000,\
				"voice_states":[],"members":[{"user":{"id":"1100000000000000000","username":"bench",\
				"discriminator":"0","global_name":null,"bot":true,"avatar":null},"roles":[],\
				"joined_at":"2024-01-01T00:00:00.000000+00:00","deaf":false,"mute":false,"flags":0,"pending":false,\
				"nick":null,"avatar":null,"premium_since":null,"communication_disabled_until":null}],\
				"channels":[{"id":"%s","type":0,"guild_id":"%s","position":0,"permission_overwrites":[],\
				"name":"general","topic":null,"nsfw":false,"last_message_id":null,"rate_limit_per_user":0,\
				"parent_id":null,"flags":0}],"threads":[],"presences":[],"stage_instances":[],\
				"guild_scheduled_events":[],"soundboard_sounds":[]}""".formatted(GUILD_ID, roles, CHANNEL_ID, GUILD_ID);
	}

	private static String sentence(int seed, int words) {
		StringBuilder text = new StringBuilder();
		for (int w = 0; w < words; w++) {
			text.append((w == 0) ? "" : " ").append(WORDS[(seed * 31 + w * 7 + w * w) % WORDS.length]);
		}
		return text.append((seed % 4 == 0) ? " 🚀" : (seed % 4 == 1) ? " é" : ".").toString();
	}

}
