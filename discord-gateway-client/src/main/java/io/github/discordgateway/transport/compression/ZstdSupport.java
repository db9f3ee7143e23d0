package io.github.discordgateway.transport.compression;

/**
 * Creates {@link ZstdStreamDecompressor}s only when zstd-jni is usable, and says what to do when
 * it is not. zstd-jni is an optional dependency, so {@link ZstdStreamDecompressor} must not be
 * loaded before the check.
 */
final class ZstdSupport {

	static final String DEPENDENCY = "com.github.luben:zstd-jni";

	private static final String MARKER_CLASS = "com.github.luben.zstd.ZstdDecompressCtx";

	private ZstdSupport() {
	}

	static MessageDecompressor newDecompressor(int maxMessageSize) {
		requireOnClassPath(ZstdSupport.class.getClassLoader());
		try {
			return new ZstdStreamDecompressor(maxMessageSize);
		}
		catch (LinkageError ex) {
			throw new IllegalStateException("zstd-stream transport compression is not available: " + DEPENDENCY
					+ " could not load its native library on " + System.getProperty("os.name") + "/"
					+ System.getProperty("os.arch") + "; use zlib-stream instead", ex);
		}
	}

	static void requireOnClassPath(ClassLoader classLoader) {
		try {
			Class.forName(MARKER_CLASS, false, classLoader);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("zstd-stream transport compression needs " + DEPENDENCY
					+ " on the class path; add that dependency, or use zlib-stream", ex);
		}
	}

}
