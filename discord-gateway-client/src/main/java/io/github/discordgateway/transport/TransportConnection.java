package io.github.discordgateway.transport;

/**
 * One open connection to the gateway. Safe to use from several threads.
 */
public interface TransportConnection {

	/**
	 * Sends one payload. Never blocks on the network for long; a failed send closes the connection (the handler
	 * then hears of the close).
	 * @param json the payload envelope
	 * @return {@code false} if the send failed (the payload did not go out whole; the connection is closing)
	 */
	boolean send(String json);

	/**
	 * Closes the connection with a close frame. Idempotent.
	 * @param code the close code (1000/1001 end the session at Discord: use them only to log out)
	 * @param reason a short reason for the log
	 */
	void close(int code, String reason);

}
