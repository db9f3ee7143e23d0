package io.github.discordgateway.transport;

/**
 * What a transport tells the session about one connection.
 */
public interface TransportHandler {

	/**
	 * The connection is open. Called first, before any message, on the I/O thread.
	 * @param connection the connection, for sending
	 */
	void onOpen(TransportConnection connection);

	/**
	 * A whole gateway message arrived.
	 * @param json the UTF-8 JSON, owned by the receiver from now on
	 */
	void onMessage(byte[] json);

	/**
	 * A message was over the maximum size and was skipped; the connection goes on with the next one. The
	 * transport has logged it; this callback is for counting. Does nothing unless overridden.
	 * @param message what could be read of the skipped message
	 */
	default void onMessageSkipped(OversizeMessage message) {
	}

	/**
	 * A whole message was read, just before {@link #onMessage} (or {@link #onMessageSkipped}); on the I/O thread.
	 * @param wireBytes its size on the wire, over all its frames (compressed when transport compression is on)
	 * @param messageBytes its size as JSON
	 */
	default void onReceived(int wireBytes, long messageBytes) {
	}

	/**
	 * The connection is closed, by either side or by the network. Called once, last.
	 * @param code the close code ({@link #ABNORMAL_CLOSE} when no close frame arrived)
	 * @param reason the reason the peer gave, or a description of the failure
	 */
	void onClose(int code, String reason);

	/** The code of a connection that ended without a close frame (RFC 6455). */
	int ABNORMAL_CLOSE = 1006;

}
