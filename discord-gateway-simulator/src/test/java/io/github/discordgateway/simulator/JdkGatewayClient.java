package io.github.discordgateway.simulator;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A deliberately independent gateway client for testing the simulator: the JDK's WebSocket, with a
 * zlib-stream inflater (one per connection, inflating once a buffer ends with 00 00 ff ff).
 */
final class JdkGatewayClient implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	final CompletableFuture<Throwable> error = new CompletableFuture<>();

	private final Inflater inflater = new Inflater();

	private final ByteArrayOutputStream compressed = new ByteArrayOutputStream();

	private final StringBuilder text = new StringBuilder();

	private final WebSocket webSocket;

	private int binaryFrames;

	private JdkGatewayClient(URI uri) {
		this.webSocket = HTTP.newWebSocketBuilder().buildAsync(uri, new Listener()).join();
	}

	/** Connects to {@code base} with {@code query} appended (e.g. {@code "/?v=10&encoding=json"}). */
	static JdkGatewayClient connect(URI base, String query) {
		return new JdkGatewayClient(URI.create(base + query));
	}

	static JdkGatewayClient connect(URI base) {
		return connect(base, "/?v=10&encoding=json");
	}

	void send(String json) {
		this.webSocket.sendText(json, true).join();
	}

	/** The next whole message, parsed. */
	JsonNode next() {
		try {
			String message = this.messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (message == null) {
				fail("no message within " + TIMEOUT + "; close code " + this.closeCode.getNow(null));
			}
			return JSON.readTree(message);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The next message, asserting its op. */
	JsonNode next(int op) {
		JsonNode message = next();
		assertThat(message.path("op").asInt()).as("op of %s", message).isEqualTo(op);
		return message;
	}

	/** Reads Hello, sends Identify with these intents, and returns READY. */
	JsonNode identify(long intents) {
		next(10);
		send(identifyPayload("simulated-token", intents));
		JsonNode ready = next(0);
		assertThat(ready.path("t").asString()).isEqualTo("READY");
		return ready;
	}

	static String identifyPayload(String token, long intents) {
		return "{\"op\":2,\"d\":{\"token\":\"" + token + "\",\"intents\":" + intents
				+ ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"}}}";
	}

	static String resumePayload(String sessionId, long seq) {
		return "{\"op\":6,\"d\":{\"token\":\"simulated-token\",\"session_id\":\"" + sessionId + "\",\"seq\":" + seq
				+ "}}";
	}

	int awaitCloseCode() {
		return this.closeCode.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
	}

	void close(int code) {
		this.webSocket.sendClose(code, "test").join();
	}

	int binaryFrames() {
		synchronized (this.compressed) {
			return this.binaryFrames;
		}
	}

	@Override
	public void close() {
		this.webSocket.abort();
		this.inflater.end();
	}

	private final class Listener implements WebSocket.Listener {

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			JdkGatewayClient.this.text.append(data);
			if (last) {
				JdkGatewayClient.this.messages.add(JdkGatewayClient.this.text.toString());
				JdkGatewayClient.this.text.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			synchronized (JdkGatewayClient.this.compressed) {
				byte[] bytes = new byte[data.remaining()];
				data.get(bytes);
				JdkGatewayClient.this.compressed.writeBytes(bytes);
				if (last) {
					JdkGatewayClient.this.binaryFrames++;
				}
				byte[] buffered = JdkGatewayClient.this.compressed.toByteArray();
				if (last && endsWithSyncFlush(buffered)) {
					JdkGatewayClient.this.messages.add(inflate(buffered));
					JdkGatewayClient.this.compressed.reset();
				}
			}
			webSocket.request(1);
			return null;
		}

		private boolean endsWithSyncFlush(byte[] buffered) {
			int n = buffered.length;
			return n >= 4 && buffered[n - 4] == 0 && buffered[n - 3] == 0 && buffered[n - 2] == (byte) 0xff
					&& buffered[n - 1] == (byte) 0xff;
		}

		private String inflate(byte[] input) {
			JdkGatewayClient.this.inflater.setInput(input);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int i = 0; i < 10_000 && !JdkGatewayClient.this.inflater.needsInput(); i++) {
					out.write(buffer, 0, JdkGatewayClient.this.inflater.inflate(buffer));
				}
			}
			catch (DataFormatException ex) {
				throw new IllegalStateException(ex);
			}
			return out.toString(StandardCharsets.UTF_8);
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			JdkGatewayClient.this.closeCode.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			JdkGatewayClient.this.error.complete(error);
		}

	}

}
