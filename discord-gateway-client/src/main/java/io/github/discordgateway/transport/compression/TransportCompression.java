package io.github.discordgateway.transport.compression;

/**
 * The transport compression a gateway connection asks for with the {@code compress} query
 * parameter. With transport compression every gateway message arrives in binary WebSocket
 * messages; without it, in text messages.
 */
public enum TransportCompression {

	/** One zlib stream per connection, messages end with a sync flush. Built into the JDK. */
	ZLIB_STREAM("zlib-stream") {
		@Override
		public MessageDecompressor newDecompressor(int maxMessageSize) {
			return new DeferredCloseDecompressor(new ZlibStreamDecompressor(maxMessageSize));
		}
	},

	/** One zstd stream per connection, one message per WebSocket message. Needs zstd-jni. */
	ZSTD_STREAM("zstd-stream") {
		@Override
		public MessageDecompressor newDecompressor(int maxMessageSize) {
			return new DeferredCloseDecompressor(ZstdSupport.newDecompressor(maxMessageSize));
		}
	},

	/**
	 * No transport compression. Its decompressor passes binary messages through unchanged (and
	 * still enforces the maximum size), so callers treat all three alike.
	 */
	NONE(null) {
		@Override
		public MessageDecompressor newDecompressor(int maxMessageSize) {
			return new DeferredCloseDecompressor(new PassThroughDecompressor(maxMessageSize));
		}
	};

	private final String queryValue;

	TransportCompression(String queryValue) {
		this.queryValue = queryValue;
	}

	/**
	 * @return the value of the {@code compress} query parameter, or {@code null} for
	 * {@link #NONE} (leave the parameter out)
	 */
	public String queryValue() {
		return this.queryValue;
	}

	/**
	 * Checks that this compression can be used here; no context is kept.
	 * @throws IllegalStateException for {@link #ZSTD_STREAM} when zstd-jni is missing or cannot
	 * load on this platform; the message names the dependency
	 */
	public void requireAvailable() {
		newDecompressor(1).close();
	}

	/**
	 * Creates the decompressor for one new connection. Call it for every connection, resumes
	 * included: the compression context must never carry over.
	 * @param maxMessageSize the largest decompressed gateway message accepted, in bytes (at least 1)
	 * @return a fresh decompressor the caller owns and must close (from any thread: a close during a
	 * decode takes effect when the decode returns)
	 * @throws IllegalStateException for {@link #ZSTD_STREAM} when zstd-jni is missing or cannot
	 * load on this platform; the message names the dependency
	 */
	public abstract MessageDecompressor newDecompressor(int maxMessageSize);

}
