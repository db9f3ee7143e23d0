package io.github.discordgateway.simulator;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code compress=zstd-stream}: one compression context per connection, flushed (not ended) per message, one
 * binary WebSocket message per gateway message. Read here with zstd-jni directly, independent of the starter.
 */
class ZstdStreamTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void everyMessageDecodesThroughOneContextThatSpansTheConnection() throws InterruptedException {
		try (GatewaySimulator simulator = GatewaySimulator.start()) {
			BinaryMessages messages = new BinaryMessages();
			WebSocket socket = HTTP.newWebSocketBuilder()
				.buildAsync(URI.create(simulator.gatewayUrl() + "/?v=10&encoding=json&compress=zstd-stream"), messages)
				.join();
			try (ZstdDecompressCtx context = new ZstdDecompressCtx()) {
				byte[] hello = messages.next();
				assertThat(JdkGatewayClient.JSON.readTree(decompress(context, hello)).path("op").asInt()).isEqualTo(10);
				socket.sendText(JdkGatewayClient.identifyPayload("simulated-token", 1), true).join();
				byte[] ready = messages.next();
				JsonNode readyPayload = JdkGatewayClient.JSON.readTree(decompress(context, ready));
				assertThat(readyPayload.path("t").asString()).isEqualTo("READY");
				JsonNode guildCreate = JdkGatewayClient.JSON.readTree(decompress(context, messages.next()));
				assertThat(guildCreate.path("t").asString()).isEqualTo("GUILD_CREATE");
				// Only the connection's first message starts a zstd frame: a fresh context cannot read a later one.
				try (ZstdDecompressCtx fresh = new ZstdDecompressCtx()) {
					assertThatExceptionOfType(ZstdException.class).isThrownBy(() -> decompress(fresh, ready));
				}
			}
			finally {
				socket.abort();
			}
		}
	}

	/** Decompresses one message with a context that lives across messages, looping until the input is used up. */
	private static String decompress(ZstdDecompressCtx context, byte[] message) {
		ByteBuffer input = ByteBuffer.wrap(message);
		ByteBuffer output = ByteBuffer.allocate(64 * 1024);
		List<byte[]> parts = new ArrayList<>();
		for (int calls = 0; calls < 10_000; calls++) {
			context.decompressByteBufferStream(output, input);
			if (!input.hasRemaining() && output.hasRemaining()) {
				break;
			}
			if (!output.hasRemaining()) {
				parts.add(output.array().clone());
				output.clear();
			}
		}
		StringBuilder text = new StringBuilder();
		parts.forEach((part) -> text.append(new String(part, StandardCharsets.UTF_8)));
		return text.append(new String(output.array(), 0, output.position(), StandardCharsets.UTF_8)).toString();
	}

	/** Whole binary messages as they arrive. */
	private static final class BinaryMessages implements WebSocket.Listener {

		private final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();

		private final ByteArrayOutputStream current = new ByteArrayOutputStream();

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			byte[] bytes = new byte[data.remaining()];
			data.get(bytes);
			this.current.writeBytes(bytes);
			if (last) {
				this.messages.add(this.current.toByteArray());
				this.current.reset();
			}
			webSocket.request(1);
			return null;
		}

		byte[] next() throws InterruptedException {
			byte[] message = this.messages.poll(JdkGatewayClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(message).as("a message within %s", JdkGatewayClient.TIMEOUT).isNotNull();
			return message;
		}

	}

}
