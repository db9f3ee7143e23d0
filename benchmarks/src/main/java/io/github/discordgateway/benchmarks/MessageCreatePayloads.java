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
		String d = RICH.equals(kind) ? rich(index) : plain(index);
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

	private static String sentence(int seed, int words) {
		StringBuilder text = new StringBuilder();
		for (int w = 0; w < words; w++) {
			text.append((w == 0) ? "" : " ").append(WORDS[(seed * 31 + w * 7 + w * w) % WORDS.length]);
		}
		return text.append((seed % 4 == 0) ? " 🚀" : (seed % 4 == 1) ? " é" : ".").toString();
	}

}
