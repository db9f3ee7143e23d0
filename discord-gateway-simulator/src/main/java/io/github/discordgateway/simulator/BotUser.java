package io.github.discordgateway.simulator;

import java.util.Objects;

/**
 * The bot user the simulator authenticates as; it appears in READY, as the author of messages the bot
 * posts, and its id doubles as the application id (as it does for current Discord applications).
 *
 * @param id snowflake id of the bot user
 * @param username the bot's username
 */
public record BotUser(String id, String username) {

	/**
	 * Validates the components.
	 */
	public BotUser {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(username, "username");
	}

}
