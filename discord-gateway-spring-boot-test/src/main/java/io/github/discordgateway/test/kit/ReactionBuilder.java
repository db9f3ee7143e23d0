package io.github.discordgateway.test.kit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a MESSAGE_REACTION_ADD (a user reacts to a message in the guild's text channel) and dispatches it. The
 * bot gets it with the GUILD_MESSAGE_REACTIONS intent.
 *
 * @since 0.1.0
 */
public final class ReactionBuilder {

	private final SimulatedDiscord discord;

	private final String messageId;

	private String emojiId;

	private String emojiName;

	private String userId = "80351110224678912";

	private String username = "ada";

	private String messageAuthorId;

	ReactionBuilder(SimulatedDiscord discord, String messageId, String emoji) {
		this.discord = discord;
		this.messageId = messageId;
		this.emojiName = emoji;
		this.messageAuthorId = discord.simulator().options().botUser().id();
	}

	/** Reacts with a custom emoji of the guild instead. */
	public ReactionBuilder customEmoji(String id, String name) {
		this.emojiId = id;
		this.emojiName = name;
		return this;
	}

	/** Sets the user who reacts. */
	public ReactionBuilder from(String userId, String username) {
		this.userId = userId;
		this.username = username;
		return this;
	}

	/** Sets the author of the message reacted to (the bot by default). */
	public ReactionBuilder onMessageBy(String authorId) {
		this.messageAuthorId = authorId;
		return this;
	}

	/** The reaction data, as the dispatch carries it. */
	public Map<String, Object> data() {
		Map<String, Object> emoji = new LinkedHashMap<>();
		emoji.put("id", this.emojiId);
		emoji.put("name", this.emojiName);
		Map<String, Object> reaction = new LinkedHashMap<>();
		reaction.put("user_id", this.userId);
		reaction.put("type", 0);
		reaction.put("message_id", this.messageId);
		reaction.put("message_author_id", this.messageAuthorId);
		reaction.put("member", KitPayloads.member(KitPayloads.user(this.userId, this.username, false), List.of()));
		reaction.put("emoji", emoji);
		reaction.put("channel_id", this.discord.guild().textChannelId());
		reaction.put("burst", false);
		reaction.put("guild_id", this.discord.guild().id());
		reaction.put("burst_colors", List.of());
		return reaction;
	}

	/**
	 * Dispatches it on the bot's session.
	 * @return the sequence it got, or {@code -1} if the bot's intents exclude it
	 */
	public long send() {
		return this.discord.dispatch("MESSAGE_REACTION_ADD", data());
	}

}
