package io.github.discordgateway.transport.compression;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdCompressCtx;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the inbound byte path below the JSON: WebSocket fragments joined into messages, and the zlib and zstd
 * streams, with messages on both sides of a small maximum size. The stream oracle: every message comes out whole,
 * or, when over the maximum, oversize with its true size and its first bytes, and the next message decodes as if
 * nothing had happened. Arbitrary bytes may only ever end a stream as a {@link CorruptStreamException}.
 * <p>
 * In the normal build these replay the committed inputs (regression mode) and each is fuzzed for a few seconds in
 * its own JVM (see the client's pom).
 */
class InboundStreamFuzzTests {

	private static final int MAX_MESSAGES = 8;

	@FuzzTest(maxDuration = "6s")
	void fragmentsJoinIntoMessagesOrAreSkippedPastTheMaximum(FuzzedDataProvider data) {
		int max = data.consumeInt(1, 256);
		try (MessageDecompressor assembler = TransportCompression.NONE.newDecompressor(max)) {
			ByteArrayOutputStream message = new ByteArrayOutputStream();
			for (int i = 0; i < 4 * MAX_MESSAGES && data.remainingBytes() > 0; i++) {
				byte[] fragment = data.consumeBytes(data.consumeInt(0, 96));
				boolean last = data.consumeBoolean();
				message.writeBytes(fragment);
				DecompressedMessage result = assembler.decompress(ByteBuffer.wrap(fragment), last);
				if (!last) {
					assertThat(result).isNull();
					continue;
				}
				assertDecodedOrSkipped(result, message.toByteArray(), max);
				message.reset();
			}
		}
	}

	@FuzzTest(maxDuration = "6s")
	void zlibStreamStaysInStepAcrossSkippedMessages(FuzzedDataProvider data) {
		int max = data.consumeInt(1, 1024);
		boolean arbitraryStream = data.consumeBoolean();
		Deflater deflater = new Deflater(data.consumeInt(0, 9));
		try (MessageDecompressor decompressor = TransportCompression.ZLIB_STREAM.newDecompressor(max)) {
			if (arbitraryStream) {
				feedArbitraryBytes(decompressor, data);
				return;
			}
			for (int i = 0; i < MAX_MESSAGES && data.remainingBytes() > 0; i++) {
				byte[] message = message(data);
				byte[] frame = ZlibStreamDecompressorTests.syncFlush(deflater, message);
				if (frame.length == 0) {
					// An empty message flushed after an empty one deflates to nothing; Discord sends no such thing.
					continue;
				}
				assertDecodedOrSkipped(feedInFragments(decompressor, frame, data), message, max);
			}
		}
		finally {
			deflater.end();
		}
	}

	@FuzzTest(maxDuration = "6s")
	void zstdStreamStaysInStepAcrossSkippedMessages(FuzzedDataProvider data) {
		int max = data.consumeInt(1, 1024);
		boolean arbitraryStream = data.consumeBoolean();
		try (ZstdCompressCtx compressor = new ZstdCompressCtx().setLevel(data.consumeInt(1, 6));
				MessageDecompressor decompressor = TransportCompression.ZSTD_STREAM.newDecompressor(max)) {
			if (arbitraryStream) {
				feedArbitraryBytes(decompressor, data);
				return;
			}
			for (int i = 0; i < MAX_MESSAGES && data.remainingBytes() > 0; i++) {
				byte[] message = message(data);
				byte[] frame = flush(compressor, message);
				assertDecodedOrSkipped(feedInFragments(decompressor, frame, data), message, max);
			}
		}
	}

	/** A message from the input, sometimes repeated so that it compresses well past the maximum. */
	private static byte[] message(FuzzedDataProvider data) {
		int repeat = data.consumeInt(1, 16);
		byte[] piece = data.consumeBytes(data.consumeInt(0, 512));
		byte[] message = new byte[piece.length * repeat];
		for (int i = 0; i < repeat; i++) {
			System.arraycopy(piece, 0, message, i * piece.length, piece.length);
		}
		return message;
	}

	/** Feeds one WebSocket message in up to four fragments cut where the input says. */
	private static DecompressedMessage feedInFragments(MessageDecompressor decompressor, byte[] frame,
			FuzzedDataProvider data) {
		List<Integer> cuts = new ArrayList<>();
		for (int i = data.consumeInt(0, 3); i > 0; i--) {
			cuts.add(data.consumeInt(0, frame.length));
		}
		cuts.add(frame.length);
		cuts.sort(null);
		int from = 0;
		for (int i = 0; i < cuts.size() - 1; i++) {
			int to = cuts.get(i);
			assertThat(decompressor.decompress(ByteBuffer.wrap(frame, from, to - from), false)).isNull();
			from = to;
		}
		return decompressor.decompress(ByteBuffer.wrap(frame, from, frame.length - from), true);
	}

	private static void feedArbitraryBytes(MessageDecompressor decompressor, FuzzedDataProvider data) {
		for (int i = 0; i < 4 * MAX_MESSAGES && data.remainingBytes() > 0; i++) {
			byte[] fragment = data.consumeBytes(data.consumeInt(0, 256));
			try {
				DecompressedMessage result = decompressor.decompress(ByteBuffer.wrap(fragment), data.consumeBoolean());
				if (result != null) {
					assertThat(result.size()).isGreaterThanOrEqualTo(result.length());
					assertThat(result.array().length).isGreaterThanOrEqualTo(result.length());
				}
			}
			catch (CorruptStreamException ex) {
				return;
			}
		}
	}

	private static void assertDecodedOrSkipped(DecompressedMessage result, byte[] expected, int max) {
		assertThat(result).isNotNull();
		assertThat(result.size()).isEqualTo(expected.length);
		if (expected.length <= max) {
			assertThat(result.isOversize()).isFalse();
			assertThat(Arrays.copyOf(result.array(), result.length())).isEqualTo(expected);
		}
		else {
			assertThat(result.isOversize()).isTrue();
			assertThat(result.length()).isEqualTo(max);
			assertThat(Arrays.copyOf(result.array(), max)).isEqualTo(Arrays.copyOf(expected, max));
		}
	}

	private static byte[] flush(ZstdCompressCtx compressor, byte[] input) {
		ByteBuffer source = ByteBuffer.wrap(input);
		ByteBuffer buffer = ByteBuffer.allocate(8 * 1024);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int round = 0; round < 10_000; round++) {
			buffer.clear();
			boolean done = compressor.compressByteBufferStream(buffer, source, EndDirective.FLUSH);
			out.write(buffer.array(), 0, buffer.position());
			if (done) {
				return out.toByteArray();
			}
		}
		throw new AssertionError("the compressor did not finish");
	}

}
