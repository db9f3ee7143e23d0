package io.github.discordgateway.transport.compression;

/**
 * Thrown when a gateway message would decompress to more than the configured maximum. It is
 * thrown before the decompressor allocates or inflates past the limit, so a decompression bomb
 * cannot exhaust the heap.
 */
public final class MessageTooLargeException extends DecompressionException {

	/** The configuration property that sets the limit; named in the message so users know what to raise. */
	public static final String PROPERTY = "discord.gateway.max-message-size";

	private static final long serialVersionUID = 1L;

	private final int limit;

	public MessageTooLargeException(int limit) {
		super("A gateway message is larger than the limit of " + limit + " bytes (decompressed); raise "
				+ PROPERTY + " if such messages are expected", null);
		this.limit = limit;
	}

	/** @return the maximum message size in bytes that was exceeded */
	public int limit() {
		return this.limit;
	}

}
