package io.github.discordgateway.transport.compression;

/**
 * Thrown when the compressed transport stream cannot be decoded (bad bytes, a lost frame, data
 * after the end of the stream). The connection must be closed and the session resumed on a new
 * connection with a fresh decompressor.
 */
public final class CorruptStreamException extends DecompressionException {

	private static final long serialVersionUID = 1L;

	CorruptStreamException(String message, Throwable cause) {
		super(message, cause);
	}

}
