package io.github.discordgateway.protocol;

import java.util.List;

/**
 * The bot's presence: the data of Presence Update (op 3) and Identify's {@code presence}.
 *
 * @param since unix time in milliseconds since the bot went idle, or {@code null}
 * @param activities what the bot is doing (bots may set name, state, type and url)
 * @param status {@code online}, {@code dnd}, {@code idle}, {@code invisible} or {@code offline}
 * @param afk whether the bot is away
 */
public record UpdatePresence(Long since, List<Activity> activities, String status, boolean afk) {

	/**
	 * An activity a bot shows.
	 *
	 * @param name the activity's name
	 * @param type 0 playing, 1 streaming, 2 listening, 3 watching, 4 custom, 5 competing
	 * @param state the custom status text, or {@code null}
	 * @param url the stream URL of a streaming activity, or {@code null}
	 */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	public record Activity(String name, int type, String state, String url) {
	}

}
