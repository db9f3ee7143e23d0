package io.github.discordgateway.transport.compression;

/**
 * Base type of the failures a {@link MessageDecompressor} reports. After one of these the
 * decompressor's stream state is unusable: the caller closes the WebSocket connection (with a
 * code other than 1000/1001, so the session can be resumed) and opens a new one with a fresh
 * decompressor.
 */
public abstract class DecompressionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	DecompressionException(String message, Throwable cause) {
		super(message, cause);
	}

}
