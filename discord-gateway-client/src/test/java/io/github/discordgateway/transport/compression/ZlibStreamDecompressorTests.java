package io.github.discordgateway.transport.compression;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ZlibStreamDecompressorTests {

	private static final int MAX = 8 * 1024 * 1024;

	private final Deflater deflater = new Deflater();

	@AfterEach
	void endDeflater() {
		this.deflater.end();
	}

	@Test
	void decodesSeveralMessagesThroughOneContext() {
		try (ZlibStreamDecompressor decompressor = new ZlibStreamDecompressor(MAX)) {
			for (int i = 0; i < 20; i++) {
				String json = "{\"op\":0,\"s\":" + i + ",\"t\":\"MESSAGE_CREATE\",\"d\":{\"content\":\"héllo wörld ✓ " + i
						+ "\"}}";
				byte[] frame = syncFlush(json.getBytes(StandardCharsets.UTF_8));
				assertThat(decompressor.decompress(ByteBuffer.wrap(frame)).toUtf8String()).isEqualTo(json);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "-1", "-2", "-3", "-4", "3,-2", "5,11,-3", "2,-3,-2,-1", "1,2,3,-1" })
	void reassemblesAMessageSplitAtOddOffsets(String cuts) {
		String json = message(300);
		try (ZlibStreamDecompressor decompressor = new ZlibStreamDecompressor(MAX)) {
			// A first message so the split one leans on the shared context.
			decompressor.decompress(ByteBuffer.wrap(syncFlush(message(50).getBytes(StandardCharsets.UTF_8))));
			byte[] frame = syncFlush(json.getBytes(StandardCharsets.UTF_8));
			List<byte[]> chunks = split(frame, cuts);
			for (int i = 0; i < chunks.size() - 1; i++) {
				assertThat(decompressor.decompress(ByteBuffer.wrap(chunks.get(i)))).as("chunk %d", i).isNull();
			}
			assertThat(decompressor.decompress(ByteBuffer.wrap(chunks.get(chunks.size() - 1))).toUtf8String())
				.isEqualTo(json);
		}
	}

	@Test
	void reassemblesRandomSplitsOfManyMessages() {
		Random random = new Random(42);
		try (ZlibStreamDecompressor decompressor = new ZlibStreamDecompressor(MAX)) {
			for (int m = 0; m < 50; m++) {
				String json = message(1 + random.nextInt(5000));
				byte[] frame = syncFlush(json.getBytes(StandardCharsets.UTF_8));
				int pieces = 1 + random.nextInt(5);
				int[] cuts = random.ints(pieces - 1, 1, frame.length).sorted().distinct().toArray();
				int from = 0;
				for (int cut : cuts) {
					assertThat(decompressor.decompress(ByteBuffer.wrap(frame, from, cut - from))).isNull();
					from = cut;
				}
				assertThat(decompressor.decompress(ByteBuffer.wrap(frame, from, frame.length - from)).toUtf8String())
					.isEqualTo(json);
			}
		}
	}

	@Test
	void emptyWebSocketMessagesChangeNothing() {
		try (ZlibStreamDecompressor decompressor = new ZlibStreamDecompressor(MAX)) {
			assertThat(decompressor.decompress(ByteBuffer.allocate(0))).isNull();
			byte[] frame = syncFlush("{\"op\":11}".getBytes(StandardCharsets.UTF_8));
			assertThat(decompressor.decompress(ByteBuffer.wrap(frame)).toUtf8String()).isEqualTo("{\"op\":11}");
			assertThat(decompressor.decompress(ByteBuffer.allocate(0))).isNull();
		}
	}

	@Test
	void readsDirectBuffers() {
		try (ZlibStreamDecompressor decompressor = new ZlibStreamDecompressor(MAX)) {
			String json = message(2000);
			byte[] frame = syncFlush(json.getBytes(StandardCharsets.UTF_8));
			ByteBuffer direct = ByteBuffer.allocateDirect(frame.length).put(frame).flip();
			assertThat(decompressor.decompress(direct).toUtf8String()).isEqualTo(json);
			assertThat(direct.hasRemaining()).isFalse();
		}
	}

	@Test
	void decodesAMultiMegabyteMessageAndShrinksAfterwards() {
		byte[] big = repeat("{\"id\":\"123456789012345678\",\"name\":\"member\"},", 6 * 1024 * 1024);
		try (ZlibStreamDecompressor decompressor = new ZlibStreamDecompressor(MAX)) {
			assertThat(decompressor.bufferCapacity()).isEqualTo(MessageBuffer.INITIAL_CAPACITY);
			DecompressedMessage result = decompressor.decompress(ByteBuffer.wrap(syncFlush(big)));
			assertThat(result.length()).isEqualTo(big.length);
			assertThat(Arrays.equals(result.array(), 0, result.length(), big, 0, big.length)).isTrue();
			assertThat(decompressor.bufferCapacity()).isLessThanOrEqualTo(MAX);

			byte[] small = "{\"op\":11}".getBytes(StandardCharsets.UTF_8);
			assertThat(decompressor.decompress(ByteBuffer.wrap(syncFlush(small))).toUtf8String()).isEqualTo("{\"op\":11}");
			assertThat(decompressor.bufferCapacity()).isEqualTo(MessageBuffer.INITIAL_CAPACITY);
		}
	}

	@Test
	void acceptsAMessageOfExactlyTheMaximumSize() {
		int max = 100_000;
		byte[] exact = repeat("abcdefgh", max);
		try (ZlibStreamDecompressor decompressor = new ZlibStreamDecompressor(max)) {
			assertThat(decompressor.decompress(ByteBuffer.wrap(syncFlush(exact))).length()).isEqualTo(max);
			assertThat(decompressor.decompress(ByteBuffer.wrap(syncFlush(new byte[] { '1' }))).toUtf8String())
				.isEqualTo("1");
		}
	}

	@Test
	void skipsAMessageOneByteOverTheMaximumAndDecodesTheNext() {
		int max = 100_000;
		try (ZlibStreamDecompressor decompressor = new ZlibStreamDecompressor(max)) {
			DecompressedMessage skipped = decompressor
				.decompress(ByteBuffer.wrap(syncFlush(repeat("abcdefgh", max + 1))));
			assertThat(skipped.isOversize()).isTrue();
			assertThat(skipped.size()).isEqualTo(max + 1);
			assertThat(skipped.length()).isEqualTo(max);
			DecompressedMessage next = decompressor
				.decompress(ByteBuffer.wrap(syncFlush("{\"op\":11}".getBytes(StandardCharsets.UTF_8))));
			assertThat(next.isOversize()).isFalse();
			assertThat(next.toUtf8String()).isEqualTo("{\"op\":11}");
		}
	}

	@Test
	void skipsADecompressionBombWithoutHoldingItAndStaysInStep() {
		int max = 1024 * 1024;
		byte[] bomb = hundredMegabytesOfZeros();
		assertThat(bomb.length).isLessThan(max);
		try (ZlibStreamDecompressor decompressor = new ZlibStreamDecompressor(max)) {
			DecompressedMessage skipped = decompressor.decompress(ByteBuffer.wrap(bomb));
			assertThat(skipped.isOversize()).isTrue();
			assertThat(skipped.size()).isEqualTo(100L * 1024 * 1024);
			assertThat(decompressor.bufferCapacity()).isLessThanOrEqualTo(max);
			String next = message(500);
			assertThat(decompressor.decompress(ByteBuffer.wrap(syncFlush(next.getBytes(StandardCharsets.UTF_8))))
				.toUtf8String()).isEqualTo(next);
		}
	}

	@Test
	void skipsAMessageThatGrowsTooLargeAcrossFragmentsAndKeepsItsStart() {
		int max = 64 * 1024;
		String big = "{\"t\":\"GUILD_CREATE\",\"s\":7,\"op\":0,\"d\":\"" + "x".repeat(3 * max) + "\"}";
		byte[] frame = syncFlush(big.getBytes(StandardCharsets.UTF_8));
		try (ZlibStreamDecompressor decompressor = new ZlibStreamDecompressor(max)) {
			int half = frame.length / 2;
			assertThat(decompressor.decompress(ByteBuffer.wrap(frame, 0, half), false)).isNull();
			DecompressedMessage skipped = decompressor.decompress(ByteBuffer.wrap(frame, half, frame.length - half),
					true);
			assertThat(skipped.isOversize()).isTrue();
			assertThat(skipped.size()).isEqualTo(big.length());
			assertThat(new String(skipped.array(), 0, 40, StandardCharsets.UTF_8)).startsWith(big.substring(0, 40));
			String next = message(50_000);
			byte[] nextFrame = syncFlush(next.getBytes(StandardCharsets.UTF_8));
			assertThat(decompressor.decompress(ByteBuffer.wrap(nextFrame, 0, 10), false)).isNull();
			assertThat(decompressor.decompress(ByteBuffer.wrap(nextFrame, 10, nextFrame.length - 10), true)
				.toUtf8String()).isEqualTo(next);
		}
	}

	@Test
	void completesAMessageWhoseLastFragmentIsEmpty() {
		byte[] frame = syncFlush("{\"op\":11}".getBytes(StandardCharsets.UTF_8));
		try (ZlibStreamDecompressor decompressor = new ZlibStreamDecompressor(MAX)) {
			assertThat(decompressor.decompress(ByteBuffer.wrap(frame), false)).isNull();
			assertThat(decompressor.decompress(ByteBuffer.allocate(0), true).toUtf8String()).isEqualTo("{\"op\":11}");
			assertThat(decompressor.decompress(ByteBuffer.allocate(0), true)).as("an empty WebSocket message").isNull();
		}
	}

	@Test
	void waitsForTheLastFragmentEvenIfAFragmentEndsLikeAMessage() {
		byte[] flushedEarly = syncFlush("{\"op\":".getBytes(StandardCharsets.UTF_8));
		byte[] rest = syncFlush("11}".getBytes(StandardCharsets.UTF_8));
		String json = message(300);
		byte[] frame = syncFlush(json.getBytes(StandardCharsets.UTF_8));
		try (ZlibStreamDecompressor decompressor = new ZlibStreamDecompressor(MAX)) {
			assertThat(decompressor.decompress(ByteBuffer.wrap(flushedEarly), false)).isNull();
			assertThat(decompressor.decompress(ByteBuffer.wrap(rest), true).toUtf8String()).isEqualTo("{\"op\":11}");
			assertThat(decompressor.decompress(ByteBuffer.wrap(frame)).toUtf8String()).isEqualTo(json);
		}
	}

	@Test
	void reportsGarbageAsACorruptStream() {
		byte[] garbage = { 0x12, 0x34, 0x56, 0x78, (byte) 0x9a, 0, 0, (byte) 0xff, (byte) 0xff };
		try (ZlibStreamDecompressor decompressor = new ZlibStreamDecompressor(MAX)) {
			assertThatExceptionOfType(CorruptStreamException.class)
				.isThrownBy(() -> decompressor.decompress(ByteBuffer.wrap(garbage)))
				.withCauseInstanceOf(DataFormatException.class)
				.withMessageContaining("zlib-stream");
		}
	}

	@Test
	void reportsDamagedBytesMidStreamAsACorruptStream() {
		try (ZlibStreamDecompressor decompressor = new ZlibStreamDecompressor(MAX)) {
			decompressor.decompress(ByteBuffer.wrap(syncFlush(message(100).getBytes(StandardCharsets.UTF_8))));
			byte[] next = syncFlush(message(3000).getBytes(StandardCharsets.UTF_8));
			byte[] damaged = next.clone();
			for (int i = 2; i < damaged.length - 4; i += 3) {
				damaged[i] ^= 0x5a;
			}
			assertThatExceptionOfType(CorruptStreamException.class)
				.isThrownBy(() -> decompressor.decompress(ByteBuffer.wrap(damaged)));
		}
	}

	@Test
	void needsAFreshDecompressorForEachConnection() {
		byte[] hello = syncFlush("{\"op\":10}".getBytes(StandardCharsets.UTF_8));
		byte[] ready = syncFlush(message(500).getBytes(StandardCharsets.UTF_8));
		try (ZlibStreamDecompressor first = new ZlibStreamDecompressor(MAX)) {
			first.decompress(ByteBuffer.wrap(hello));
			first.decompress(ByteBuffer.wrap(ready));
		}
		// A new connection starts a new zlib stream with its own header.
		Deflater second = new Deflater();
		try (ZlibStreamDecompressor decompressor = new ZlibStreamDecompressor(MAX)) {
			byte[] resumed = syncFlush(second, "{\"op\":10,\"again\":true}".getBytes(StandardCharsets.UTF_8));
			assertThat(decompressor.decompress(ByteBuffer.wrap(resumed)).toUtf8String())
				.isEqualTo("{\"op\":10,\"again\":true}");
		}
		finally {
			second.end();
		}
	}

	private byte[] syncFlush(byte[] input) {
		return syncFlush(this.deflater, input);
	}

	static byte[] syncFlush(Deflater deflater, byte[] input) {
		deflater.setInput(input);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		int written;
		// SYNC_FLUSH filling the whole buffer means there may be more; the input is finite.
		do {
			written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
			out.write(buffer, 0, written);
		}
		while (written == buffer.length);
		return out.toByteArray();
	}

	private byte[] hundredMegabytesOfZeros() {
		byte[] zeros = new byte[1024 * 1024];
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		this.deflater.setLevel(Deflater.BEST_SPEED);
		for (int i = 0; i < 100; i++) {
			this.deflater.setInput(zeros);
			while (!this.deflater.needsInput()) {
				out.write(buffer, 0, this.deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH));
			}
		}
		out.writeBytes(syncFlush(new byte[0]));
		return out.toByteArray();
	}

	static String message(int size) {
		StringBuilder json = new StringBuilder("{\"op\":0,\"d\":\"");
		Random random = new Random(size);
		while (json.length() < size) {
			json.append((char) ('a' + random.nextInt(26))).append(random.nextInt(10) == 0 ? "é" : "");
		}
		return json.append("\"}").toString();
	}

	static byte[] repeat(String pattern, int length) {
		byte[] source = pattern.getBytes(StandardCharsets.US_ASCII);
		byte[] result = new byte[length];
		for (int i = 0; i < length; i++) {
			result[i] = source[i % source.length];
		}
		return result;
	}

	/** Cuts {@code frame} at the given offsets; negative offsets count from the end. */
	private static List<byte[]> split(byte[] frame, String cuts) {
		int[] offsets = Arrays.stream(cuts.split(","))
			.mapToInt(Integer::parseInt)
			.map((cut) -> (cut < 0) ? frame.length + cut : cut)
			.sorted()
			.toArray();
		List<byte[]> chunks = new ArrayList<>();
		int from = 0;
		for (int offset : offsets) {
			chunks.add(Arrays.copyOfRange(frame, from, offset));
			from = offset;
		}
		chunks.add(Arrays.copyOfRange(frame, from, frame.length));
		return chunks;
	}

}
