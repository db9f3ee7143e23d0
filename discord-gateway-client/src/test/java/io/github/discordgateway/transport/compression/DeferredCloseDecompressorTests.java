package io.github.discordgateway.transport.compression;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.luben.zstd.ZstdCompressCtx;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeferredCloseDecompressorTests {

	@Test
	void aCloseDuringADecodeWaitsForTheDecodeAndHappensOnce() throws Exception {
		CountDownLatch decoding = new CountDownLatch(1);
		CountDownLatch finishDecode = new CountDownLatch(1);
		AtomicInteger closes = new AtomicInteger();
		AtomicInteger closesSeenByTheDecode = new AtomicInteger(-1);
		MessageDecompressor blocking = new MessageDecompressor() {

			@Override
			public DecompressedMessage decompress(ByteBuffer fragment, boolean last) {
				decoding.countDown();
				await(finishDecode);
				closesSeenByTheDecode.set(closes.get());
				return new DecompressedMessage().set(new byte[] { '1' }, 1);
			}

			@Override
			public void close() {
				closes.incrementAndGet();
			}

		};
		DeferredCloseDecompressor guarded = new DeferredCloseDecompressor(blocking);
		CompletableFuture<DecompressedMessage> decode = CompletableFuture
			.supplyAsync(() -> guarded.decompress(ByteBuffer.allocate(1), true));
		assertThat(decoding.await(10, TimeUnit.SECONDS)).isTrue();
		guarded.close();
		guarded.close();
		assertThat(closes).hasValue(0);
		finishDecode.countDown();
		assertThat(decode.get(10, TimeUnit.SECONDS).toUtf8String()).isEqualTo("1");
		assertThat(closesSeenByTheDecode).hasValue(0);
		assertThat(closes).hasValue(1);
		assertThat(guarded.decompress(ByteBuffer.allocate(1), true)).as("input after the close is dropped").isNull();
		guarded.close();
		assertThat(closes).hasValue(1);
	}

	@Test
	void zstdClosedWhileTheSocketThreadDecodesFreesItsContextExactlyOnce() throws Exception {
		byte[] frame;
		try (ZstdCompressCtx compressor = new ZstdCompressCtx()) {
			frame = compressor.compress(ZlibStreamDecompressorTests.repeat("{\"op\":0,\"d\":\"abc\"}", 4 * 1024 * 1024));
		}
		int openBefore = ZstdStreamDecompressor.openContexts();
		for (int round = 0; round < 20; round++) {
			MessageDecompressor decompressor = TransportCompression.ZSTD_STREAM.newDecompressor(8 * 1024 * 1024);
			CountDownLatch started = new CountDownLatch(1);
			CompletableFuture<Void> socketThread = CompletableFuture.runAsync(() -> {
				started.countDown();
				for (int i = 0; i < 1000; i++) {
					if (decompressor.decompress(ByteBuffer.wrap(frame)) == null) {
						// Closed: a whole message comes back from an open decompressor.
						return;
					}
				}
			});
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			decompressor.close();
			socketThread.get(30, TimeUnit.SECONDS);
			assertThat(ZstdStreamDecompressor.openContexts()).isEqualTo(openBefore);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new AssertionError("not released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
