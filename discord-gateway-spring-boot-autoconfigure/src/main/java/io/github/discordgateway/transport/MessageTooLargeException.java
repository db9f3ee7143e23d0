package io.github.discordgateway.transport;

/**
 * A gateway message over the configured size limit. The connection is closed and resumed rather than letting one
 * message exhaust the heap.
 */
public class MessageTooLargeException extends RuntimeException {

	public MessageTooLargeException(long limit) {
		super("A gateway message exceeded " + limit + " bytes; raise 'discord.gateway.max-message-size' if your "
				+ "guilds really are this large");
	}

}
