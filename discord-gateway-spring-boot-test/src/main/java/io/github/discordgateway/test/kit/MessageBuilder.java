package io.github.discordgateway.test.kit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds a MESSAGE_CREATE as Discord sends it (with the fields a bot reads) and dispatches it.
 *
 * @since 0.1.0
 */
public final class MessageBuilder {

	private static final AtomicLong ids = new AtomicLong(1_300_000_000_000_000_000L);

	private final SimulatedDiscord discord;

	private final String content;

	private String channelId;

	private String authorId = "80351110224678912";

	private String authorName = "ada";

	private boolean bot;

	MessageBuilder(SimulatedDiscord discord, String content) {
		this.discord = discord;
		this.content = content;
		this.channelId = discord.guild().textChannelId();
	}

	/** Posts it in another channel of the guild. */
	public MessageBuilder inChannel(String channelId) {
		this.channelId = channelId;
		return this;
	}

	/** Sets its author. */
	public MessageBuilder from(String userId, String username) {
		this.authorId = userId;
		this.authorName = username;
		return this;
	}

	/** Makes its author a bot. */
	public MessageBuilder fromBot() {
		this.bot = true;
		return this;
	}

	/** The message data, as the dispatch carries it. */
	public Map<String, Object> data() {
		Map<String, Object> author = new LinkedHashMap<>();
		author.put("id", this.authorId);
		author.put("username", this.authorName);
		author.put("discriminator", "0");
		author.put("global_name", this.authorName);
		author.put("avatar", null);
		author.put("bot", this.bot);
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("id", String.valueOf(ids.incrementAndGet()));
		message.put("channel_id", this.channelId);
		message.put("guild_id", this.discord.guild().id());
		message.put("author", author);
		message.put("member", Map.of("roles", List.of(), "joined_at", "2024-01-01T00:00:00.000000+00:00",
				"deaf", false, "mute", false, "flags", 0));
		message.put("content", this.content);
		message.put("timestamp", Instant.now().toString());
		message.put("edited_timestamp", null);
		message.put("tts", false);
		message.put("mention_everyone", false);
		message.put("mentions", List.of());
		message.put("mention_roles", List.of());
		message.put("attachments", List.of());
		message.put("embeds", List.of());
		message.put("pinned", false);
		message.put("type", 0);
		return message;
	}

	/**
	 * Dispatches it on the bot's session.
	 * @return the sequence it got
	 */
	public long send() {
		return this.discord.dispatch("MESSAGE_CREATE", data());
	}

}
