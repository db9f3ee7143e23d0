package io.github.discordgateway.protocol;

/**
 * A message from the gateway that is not a valid payload envelope. The connection survives it: the message is
 * logged and skipped.
 */
public class MalformedMessageException extends RuntimeException {

	public MalformedMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}
