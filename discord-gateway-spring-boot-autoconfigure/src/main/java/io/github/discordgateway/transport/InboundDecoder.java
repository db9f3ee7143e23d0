package io.github.discordgateway.transport;

/**
 * Turns a connection's binary WebSocket messages into gateway messages (under transport compression, a gateway
 * message may take several of them). One per connection, used on its I/O thread.
 */
public interface InboundDecoder {

	/**
	 * Decodes one whole binary WebSocket message.
	 * @return the UTF-8 JSON of a complete gateway message (owned by the caller), or {@code null} if more
	 * WebSocket messages are needed to complete it
	 */
	byte[] decode(byte[] binaryMessage);

	/**
	 * Releases what the decoder holds (native memory of an inflater, for one). Called once the connection closed.
	 */
	default void close() {
	}

	/** A binary message is plain UTF-8 JSON. */
	InboundDecoder PLAIN = (binaryMessage) -> binaryMessage;

	/**
	 * Makes a fresh decoder for each connection: decompression context never crosses connections.
	 */
	@FunctionalInterface
	interface Factory {

		/** No transport compression. */
		Factory PLAIN = (maxMessageSize) -> InboundDecoder.PLAIN;

		InboundDecoder create(long maxMessageSize);

	}

}
