package io.github.discordgateway.test.kit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a MESSAGE_CREATE as Discord sends it (with the fields a bot reads) and dispatches it. As on Discord, a
 * bot without the MESSAGE_CONTENT intent gets it with its content, embeds, attachments and components blanked,
 * unless it mentions the bot or is a direct message.
 *
 * @since 0.1.0
 */
public final class MessageBuilder {

	/** The direct message channel between the author and the bot. */
	private static final String DM_CHANNEL_ID = "1300000000000000900";

	private final SimulatedDiscord discord;

	private final String content;

	private String channelId;

	private String authorId = "80351110224678912";

	private String authorName = "ada";

	private boolean bot;

	private boolean mentionsBot;

	private boolean direct;

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

	/**
	 * Mentions the bot, which gives a bot without the MESSAGE_CONTENT intent the message's content, as on
	 * Discord.
	 */
	public MessageBuilder mentioningTheBot() {
		this.mentionsBot = true;
		return this;
	}

	/**
	 * Sends it in a direct message to the bot instead (no {@code guild_id} or {@code member}); the bot gets it
	 * with the DIRECT_MESSAGES intent, and its content even without MESSAGE_CONTENT.
	 */
	public MessageBuilder inDirectMessage() {
		this.direct = true;
		this.channelId = DM_CHANNEL_ID;
		return this;
	}

	/** The message data, as the dispatch carries it. */
	public Map<String, Object> data() {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("id", KitPayloads.nextId());
		message.put("channel_id", this.channelId);
		message.put("author", KitPayloads.user(this.authorId, this.authorName, this.bot));
		if (!this.direct) {
			message.put("guild_id", this.discord.guild().id());
			message.put("member", Map.of("roles", List.of(), "joined_at", KitPayloads.JOINED_AT, "deaf", false,
					"mute", false, "flags", 0));
		}
		message.put("content", this.content);
		message.put("timestamp", Instant.now().toString());
		message.put("edited_timestamp", null);
		message.put("tts", false);
		message.put("mention_everyone", false);
		message.put("mentions", this.mentionsBot ? List.of(KitPayloads.user(botUserId(), botUsername(), true))
				: List.of());
		message.put("mention_roles", List.of());
		message.put("attachments", List.of());
		message.put("embeds", List.of());
		message.put("components", List.of());
		message.put("pinned", false);
		message.put("type", 0);
		return message;
	}

	private String botUserId() {
		return this.discord.simulator().options().botUser().id();
	}

	private String botUsername() {
		return this.discord.simulator().options().botUser().username();
	}

	/**
	 * Dispatches it on the bot's session.
	 * @return the sequence it got
	 */
	public long send() {
		return this.discord.dispatch("MESSAGE_CREATE", data());
	}

}
