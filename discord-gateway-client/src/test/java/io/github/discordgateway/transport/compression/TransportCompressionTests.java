package io.github.discordgateway.transport.compression;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TransportCompressionTests {

	@Test
	void namesTheQueryValues() {
		assertThat(TransportCompression.ZLIB_STREAM.queryValue()).isEqualTo("zlib-stream");
		assertThat(TransportCompression.ZSTD_STREAM.queryValue()).isEqualTo("zstd-stream");
		assertThat(TransportCompression.NONE.queryValue()).isNull();
	}

	@Test
	void createsAFreshDecompressorEachTime() {
		for (TransportCompression compression : TransportCompression.values()) {
			try (MessageDecompressor first = compression.newDecompressor(1024);
					MessageDecompressor second = compression.newDecompressor(1024)) {
				assertThat(first).isNotSameAs(second);
			}
		}
		try (MessageDecompressor zlib = TransportCompression.ZLIB_STREAM.newDecompressor(1024);
				MessageDecompressor zstd = TransportCompression.ZSTD_STREAM.newDecompressor(1024)) {
			assertThat(zlib).isInstanceOfSatisfying(DeferredCloseDecompressor.class,
					(guarded) -> assertThat(guarded.delegate()).isInstanceOf(ZlibStreamDecompressor.class));
			assertThat(zstd).isInstanceOfSatisfying(DeferredCloseDecompressor.class,
					(guarded) -> assertThat(guarded.delegate()).isInstanceOf(ZstdStreamDecompressor.class));
		}
	}

	@Test
	void zstdWithoutZstdJniNamesTheDependency() throws IOException {
		try (URLClassLoader withoutZstd = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
			assertThatIllegalStateException().isThrownBy(() -> ZstdSupport.requireOnClassPath(withoutZstd))
				.withMessageContaining("com.github.luben:zstd-jni")
				.withMessageContaining("zstd-stream");
		}
	}

	@Test
	void everyDecompressorDropsInputOnceClosed() {
		for (TransportCompression compression : TransportCompression.values()) {
			MessageDecompressor decompressor = compression.newDecompressor(1024);
			decompressor.close();
			assertThat(decompressor.decompress(ByteBuffer.wrap(new byte[] { 1, 2, 3 }))).as(compression.name()).isNull();
		}
	}

	@Test
	void rejectsANonPositiveMaximum() {
		for (TransportCompression compression : TransportCompression.values()) {
			assertThatIllegalArgumentException().isThrownBy(() -> compression.newDecompressor(0))
				.withMessageContaining("maxMessageSize");
		}
	}

	@Test
	void noneHandsBinaryMessagesThroughWithinTheLimit() {
		try (MessageDecompressor none = TransportCompression.NONE.newDecompressor(64 * 1024)) {
			byte[] json = "{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}".getBytes(StandardCharsets.UTF_8);
			assertThat(none.decompress(ByteBuffer.wrap(json)).toUtf8String()).isEqualTo(new String(json,
					StandardCharsets.UTF_8));
			byte[] large = ZlibStreamDecompressorTests.repeat("0123456789", 40_000);
			assertThat(none.decompress(ByteBuffer.wrap(large)).length()).isEqualTo(40_000);
			DecompressedMessage oversize = none.decompress(ByteBuffer.allocate(64 * 1024 + 1));
			assertThat(oversize.isOversize()).isTrue();
			assertThat(oversize.size()).isEqualTo(64 * 1024 + 1);
			assertThat(none.decompress(ByteBuffer.wrap(json)).toUtf8String()).isEqualTo(new String(json,
					StandardCharsets.UTF_8));
		}
	}

}
