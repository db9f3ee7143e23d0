package io.github.discordgateway.transport.compression;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.discordgateway.transport.compression.ZlibStreamDecompressorTests.message;
import static io.github.discordgateway.transport.compression.ZlibStreamDecompressorTests.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The streams come from libzstd's own streaming compressor (through zstd-jni), flushed after
 * every message and never ending the frame, as the gateway sends them.
 */
class ZstdStreamDecompressorTests {

	private static final int MAX = 8 * 1024 * 1024;

	private final ZstdCompressCtx compressor = new ZstdCompressCtx().setLevel(3);

	@AfterEach
	void closeCompressor() {
		this.compressor.close();
	}

	@Test
	void decodesFlushedMessagesOfOneUnendedFrame() {
		try (ZstdStreamDecompressor decompressor = new ZstdStreamDecompressor(MAX)) {
			for (int i = 0; i < 30; i++) {
				String json = message(20 + i * 97);
				byte[] frame = flush(json.getBytes(StandardCharsets.UTF_8));
				assertThat(decompressor.decompress(ByteBuffer.wrap(frame)).toUtf8String()).isEqualTo(json);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, MessageBuffer.INITIAL_CAPACITY - 1, MessageBuffer.INITIAL_CAPACITY,
			MessageBuffer.INITIAL_CAPACITY + 1, 2 * MessageBuffer.INITIAL_CAPACITY })
	void decodesMessagesAroundTheBufferSize(int size) {
		byte[] incompressible = new byte[size];
		new Random(size).nextBytes(incompressible);
		try (ZstdStreamDecompressor decompressor = new ZstdStreamDecompressor(MAX)) {
			decompressor.decompress(ByteBuffer.wrap(flush("{\"op\":10}".getBytes(StandardCharsets.UTF_8))));
			DecompressedMessage result = decompressor.decompress(ByteBuffer.wrap(flush(incompressible)));
			assertThat(Arrays.copyOf(result.array(), result.length())).isEqualTo(incompressible);
		}
	}

	@Test
	void decodesAMessageSpanningSeveralZstdBlocks() {
		// zstd blocks hold at most 128 KB; random data keeps them from shrinking.
		byte[] large = new byte[700 * 1024];
		new Random(7).nextBytes(large);
		try (ZstdStreamDecompressor decompressor = new ZstdStreamDecompressor(MAX)) {
			DecompressedMessage result = decompressor.decompress(ByteBuffer.wrap(flush(large)));
			assertThat(Arrays.copyOf(result.array(), result.length())).isEqualTo(large);
		}
	}

	@Test
	void decodesAMultiMegabyteMessageAndShrinksAfterwards() {
		byte[] big = repeat("{\"id\":\"123456789012345678\",\"name\":\"member\"},", 6 * 1024 * 1024);
		try (ZstdStreamDecompressor decompressor = new ZstdStreamDecompressor(MAX)) {
			DecompressedMessage result = decompressor.decompress(ByteBuffer.wrap(flush(big)));
			assertThat(result.length()).isEqualTo(big.length);
			assertThat(Arrays.equals(result.array(), 0, result.length(), big, 0, big.length)).isTrue();

			byte[] small = "{\"op\":11}".getBytes(StandardCharsets.UTF_8);
			assertThat(decompressor.decompress(ByteBuffer.wrap(flush(small))).toUtf8String()).isEqualTo("{\"op\":11}");
			assertThat(decompressor.bufferCapacity()).isEqualTo(MessageBuffer.INITIAL_CAPACITY);
		}
	}

	@Test
	void keepsStreamStateAcrossOddInputBoundaries() {
		// The gateway never splits a zstd-stream message, but the context must still carry partial
		// blocks over: the pieces' outputs add up to the message.
		String json = message(5000);
		byte[] frame = flush(json.getBytes(StandardCharsets.UTF_8));
		int[] cuts = { 1, 5, 6, frame.length / 2, frame.length - 3, frame.length };
		ByteArrayOutputStream joined = new ByteArrayOutputStream();
		try (ZstdStreamDecompressor decompressor = new ZstdStreamDecompressor(MAX)) {
			int from = 0;
			for (int cut : cuts) {
				DecompressedMessage part = decompressor.decompress(ByteBuffer.wrap(frame, from, cut - from));
				joined.write(part.array(), 0, part.length());
				from = cut;
			}
		}
		assertThat(joined.toString(StandardCharsets.UTF_8)).isEqualTo(json);
	}

	@Test
	void continuesIntoANewFrameIfTheGatewayEndsOne() {
		try (ZstdStreamDecompressor decompressor = new ZstdStreamDecompressor(MAX)) {
			byte[] ended = compress("{\"op\":10}".getBytes(StandardCharsets.UTF_8), EndDirective.END);
			assertThat(decompressor.decompress(ByteBuffer.wrap(ended)).toUtf8String()).isEqualTo("{\"op\":10}");
			byte[] next = flush("{\"op\":11}".getBytes(StandardCharsets.UTF_8));
			assertThat(decompressor.decompress(ByteBuffer.wrap(next)).toUtf8String()).isEqualTo("{\"op\":11}");
		}
	}

	@Test
	void readsDirectAndReadOnlyBuffers() {
		try (ZstdStreamDecompressor decompressor = new ZstdStreamDecompressor(MAX)) {
			byte[] first = flush("{\"op\":10}".getBytes(StandardCharsets.UTF_8));
			ByteBuffer direct = ByteBuffer.allocateDirect(first.length).put(first).flip();
			assertThat(decompressor.decompress(direct).toUtf8String()).isEqualTo("{\"op\":10}");
			byte[] second = flush("{\"op\":11}".getBytes(StandardCharsets.UTF_8));
			assertThat(decompressor.decompress(ByteBuffer.wrap(second).asReadOnlyBuffer()).toUtf8String())
				.isEqualTo("{\"op\":11}");
		}
	}

	@Test
	void acceptsExactlyTheMaximumAndSkipsOneByteMoreThenDecodesTheNext() {
		int max = 100_000;
		try (ZstdStreamDecompressor decompressor = new ZstdStreamDecompressor(max)) {
			assertThat(decompressor.decompress(ByteBuffer.wrap(flush(repeat("abcdefgh", max)))).length()).isEqualTo(max);
			DecompressedMessage skipped = decompressor.decompress(ByteBuffer.wrap(flush(repeat("abcdefgh", max + 1))));
			assertThat(skipped.isOversize()).isTrue();
			assertThat(skipped.size()).isEqualTo(max + 1);
			String next = message(5_000);
			assertThat(decompressor.decompress(ByteBuffer.wrap(flush(next.getBytes(StandardCharsets.UTF_8))))
				.toUtf8String()).isEqualTo(next);
		}
	}

	@Test
	void takesEmptyFragmentsInAnyNumber() {
		byte[] frame = flush("{\"op\":11}".getBytes(StandardCharsets.UTF_8));
		try (ZstdStreamDecompressor decompressor = new ZstdStreamDecompressor(MAX)) {
			for (int i = 0; i < 100; i++) {
				assertThat(decompressor.decompress(ByteBuffer.allocate(0), false)).isNull();
			}
			assertThat(decompressor.decompress(ByteBuffer.wrap(frame), false)).isNull();
			for (int i = 0; i < 100; i++) {
				assertThat(decompressor.decompress(ByteBuffer.allocate(0), false)).isNull();
			}
			assertThat(decompressor.decompress(ByteBuffer.allocate(0), true).toUtf8String()).isEqualTo("{\"op\":11}");
		}
	}

	@Test
	void skipsADecompressionBombWithoutHoldingItAndStaysInStep() {
		int max = 1024 * 1024;
		byte[] bomb = hundredMegabytesOfZeros();
		assertThat(bomb.length).isLessThan(max);
		try (ZstdStreamDecompressor decompressor = new ZstdStreamDecompressor(max)) {
			DecompressedMessage skipped = decompressor.decompress(ByteBuffer.wrap(bomb));
			assertThat(skipped.isOversize()).isTrue();
			assertThat(skipped.size()).isEqualTo(100L * 1024 * 1024);
			assertThat(decompressor.bufferCapacity()).isLessThanOrEqualTo(max);
			assertThat(decompressor.decompress(ByteBuffer.wrap(flush("{\"op\":11}".getBytes(StandardCharsets.UTF_8))))
				.toUtf8String()).isEqualTo("{\"op\":11}");
		}
	}

	@Test
	void skipsAMessageOverTheMaximumArrivingInFragmentsAndDecodesTheNextInFragments() {
		int max = 64 * 1024;
		String big = "{\"t\":\"GUILD_CREATE\",\"s\":7,\"op\":0,\"d\":\"" + message(3 * max) + "\"}";
		byte[] frame = flush(big.getBytes(StandardCharsets.UTF_8));
		try (ZstdStreamDecompressor decompressor = new ZstdStreamDecompressor(max)) {
			int third = frame.length / 3;
			assertThat(decompressor.decompress(ByteBuffer.wrap(frame, 0, third), false)).isNull();
			assertThat(decompressor.decompress(ByteBuffer.wrap(frame, third, third), false)).isNull();
			DecompressedMessage skipped = decompressor
				.decompress(ByteBuffer.wrap(frame, 2 * third, frame.length - 2 * third), true);
			assertThat(skipped.isOversize()).isTrue();
			assertThat(skipped.size()).isEqualTo(big.getBytes(StandardCharsets.UTF_8).length);
			assertThat(new String(skipped.array(), 0, 40, StandardCharsets.UTF_8)).isEqualTo(big.substring(0, 40));
			String next = message(max / 2);
			byte[] nextFrame = flush(next.getBytes(StandardCharsets.UTF_8));
			assertThat(decompressor.decompress(ByteBuffer.wrap(nextFrame, 0, 7), false)).isNull();
			assertThat(decompressor.decompress(ByteBuffer.wrap(nextFrame, 7, nextFrame.length - 7), true)
				.toUtf8String()).isEqualTo(next);
		}
	}

	@Test
	void reportsGarbageAsACorruptStream() {
		byte[] garbage = { 0x12, 0x34, 0x56, 0x78, (byte) 0x9a, 0, 0, (byte) 0xff, (byte) 0xff };
		try (ZstdStreamDecompressor decompressor = new ZstdStreamDecompressor(MAX)) {
			assertThatExceptionOfType(CorruptStreamException.class)
				.isThrownBy(() -> decompressor.decompress(ByteBuffer.wrap(garbage)))
				.withCauseInstanceOf(ZstdException.class)
				.withMessageContaining("zstd-stream");
		}
	}

	@Test
	void needsAFreshDecompressorForEachConnection() {
		try (ZstdStreamDecompressor first = new ZstdStreamDecompressor(MAX)) {
			first.decompress(ByteBuffer.wrap(flush("{\"op\":10}".getBytes(StandardCharsets.UTF_8))));
		}
		try (ZstdCompressCtx reconnected = new ZstdCompressCtx();
				ZstdStreamDecompressor decompressor = new ZstdStreamDecompressor(MAX)) {
			byte[] hello = compress(reconnected, "{\"op\":10,\"again\":true}".getBytes(StandardCharsets.UTF_8),
					EndDirective.FLUSH);
			assertThat(decompressor.decompress(ByteBuffer.wrap(hello)).toUtf8String())
				.isEqualTo("{\"op\":10,\"again\":true}");
		}
	}

	private byte[] flush(byte[] input) {
		return compress(input, EndDirective.FLUSH);
	}

	private byte[] compress(byte[] input, EndDirective directive) {
		return compress(this.compressor, input, directive);
	}

	private static byte[] compress(ZstdCompressCtx compressor, byte[] input, EndDirective directive) {
		ByteBuffer source = ByteBuffer.wrap(input);
		ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int round = 0; round < 100_000; round++) {
			buffer.clear();
			boolean done = compressor.compressByteBufferStream(buffer, source, directive);
			out.write(buffer.array(), 0, buffer.position());
			if (done || (directive == EndDirective.CONTINUE && !source.hasRemaining())) {
				return out.toByteArray();
			}
		}
		throw new AssertionError("the compressor did not finish");
	}

	private byte[] hundredMegabytesOfZeros() {
		byte[] zeros = new byte[1024 * 1024];
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < 100; i++) {
			out.writeBytes(compress(zeros, EndDirective.CONTINUE));
		}
		out.writeBytes(flush(new byte[0]));
		return out.toByteArray();
	}

}
