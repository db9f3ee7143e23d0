package io.github.discordgateway.transport.compression;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What every decompressor does around its decoding, whatever the compression.
 */
class AbstractMessageDecompressorTests {

	private static final int MAX = 64 * 1024;

	private static final byte[] GARBAGE = { 0x12, 0x34, 0x56, 0x78, (byte) 0x9a, 0, 0, (byte) 0xff, (byte) 0xff };

	static Stream<Named<IntFunction<AbstractMessageDecompressor>>> everyDecompressor() {
		return Stream.concat(streamDecompressors(),
				Stream.of(Named.of("none", (IntFunction<AbstractMessageDecompressor>) PassThroughDecompressor::new)));
	}

	static Stream<Named<IntFunction<AbstractMessageDecompressor>>> streamDecompressors() {
		return Stream.of(Named.of("zlib-stream", ZlibStreamDecompressor::new),
				Named.of("zstd-stream", ZstdStreamDecompressor::new));
	}

	@ParameterizedTest
	@MethodSource("everyDecompressor")
	void dropsInputOnceClosedWithoutAWord(IntFunction<AbstractMessageDecompressor> decompressors) {
		AbstractMessageDecompressor decompressor = decompressors.apply(MAX);
		decompressor.close();
		decompressor.close();
		assertThat(decompressor.decompress(ByteBuffer.wrap("{\"op\":11}".getBytes(StandardCharsets.UTF_8)))).isNull();
		assertThat(decompressor.decompress(ByteBuffer.wrap(GARBAGE))).as("not even decoded").isNull();
	}

	@ParameterizedTest
	@MethodSource("streamDecompressors")
	void refusesInputAfterACorruptStream(IntFunction<AbstractMessageDecompressor> decompressors) {
		try (AbstractMessageDecompressor decompressor = decompressors.apply(MAX)) {
			assertThatExceptionOfType(CorruptStreamException.class)
				.isThrownBy(() -> decompressor.decompress(ByteBuffer.wrap(GARBAGE)));
			assertThatIllegalStateException().isThrownBy(() -> decompressor.decompress(ByteBuffer.allocate(1)))
				.withMessageContaining("failed earlier");
		}
	}

}
