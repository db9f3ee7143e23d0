package io.github.discordgateway.rest;

/**
 * Discord rejected the bot token. Retrying cannot help (and repeated 401s get the IP banned), so this is fatal.
 */
public class InvalidTokenException extends RuntimeException {

	public InvalidTokenException() {
		super("Discord rejected the bot token (HTTP 401). Set the token of your bot from the Discord developer "
				+ "portal (Bot > Token) in 'discord.token' or the DISCORD_TOKEN environment variable.");
	}

}
