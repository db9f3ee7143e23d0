package io.github.discordgateway.autoconfigure;

/**
 * Thrown at start-up when no bot token is configured.
 *
 * @since 0.1.0
 */
public class DiscordTokenMissingException extends RuntimeException {

	public DiscordTokenMissingException() {
		super("No Discord bot token is configured");
	}

}
