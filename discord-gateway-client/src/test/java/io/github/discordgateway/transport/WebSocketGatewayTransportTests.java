package io.github.discordgateway.transport;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.Deflater;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;

import com.github.luben.zstd.ZstdCompressCtx;

import io.github.discordgateway.transport.compression.TransportCompression;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transport's handling of one connection, driven as the WebSocket container drives it.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebSocketGatewayTransportTests {

	private static final String HEARTBEAT_ACK = "{\"op\":11}";

	private final CapturingClient client = new CapturingClient();

	private final RecordingHandler handler = new RecordingHandler();

	private final WebSocketSession session = session();

	/** One zlib stream per connection, as Discord sends it: each message is flushed, none has its own header. */
	private final Deflater deflater = new Deflater();

	@AfterEach
	void endDeflater() {
		this.deflater.end();
	}

	@ParameterizedTest
	@EnumSource(TransportCompression.class)
	void aMessageArrivingAfterTheCloseIsDroppedQuietly(TransportCompression compression, CapturedOutput output)
			throws Exception {
		WebSocketHandler bridge = connect(compression);
		bridge.handleMessage(this.session, new BinaryMessage(compress(compression, HEARTBEAT_ACK)));
		bridge.afterConnectionClosed(this.session, new CloseStatus(4900));
		bridge.handleMessage(this.session, new BinaryMessage(compress(compression, HEARTBEAT_ACK)));
		bridge.handleMessage(this.session, new TextMessage(HEARTBEAT_ACK));
		assertThat(this.handler.messages).containsExactly(HEARTBEAT_ACK);
		assertThat(this.handler.closes).containsExactly(4900);
		assertQuiet(output);
	}

	@ParameterizedTest
	@EnumSource(TransportCompression.class)
	void theRestOfAMessageTheCloseCutShortIsDroppedQuietly(TransportCompression compression, CapturedOutput output)
			throws Exception {
		WebSocketHandler bridge = connect(compression);
		byte[] message = compress(compression, HEARTBEAT_ACK);
		int half = message.length / 2;
		bridge.handleMessage(this.session, new BinaryMessage(ByteBuffer.wrap(message, 0, half), false));
		bridge.afterConnectionClosed(this.session, new CloseStatus(4900));
		bridge.handleMessage(this.session,
				new BinaryMessage(ByteBuffer.wrap(message, half, message.length - half), true));
		assertThat(this.handler.messages).isEmpty();
		assertQuiet(output);
	}

	@ParameterizedTest
	@EnumSource(TransportCompression.class)
	void aMessageTheCloseOvertookWhileItWasReadIsNotHandedOnAfterTheClose(TransportCompression compression,
			CapturedOutput output) throws Exception {
		WebSocketHandler bridge = connect(compression);
		// The close comes from another thread (a heartbeat timer, a shutdown) as the message is read.
		this.handler.whenReceived = () -> closeResumably(bridge);
		bridge.handleMessage(this.session, new BinaryMessage(compress(compression, HEARTBEAT_ACK)));
		assertThat(this.handler.closes).containsExactly(4900);
		assertThat(this.handler.messages).isEmpty();
		assertQuiet(output);
	}

	@ParameterizedTest
	@EnumSource(TransportCompression.class)
	void aMessageOverTheMaximumIsSkippedAndTheConnectionCarriesOn(TransportCompression compression)
			throws Exception {
		int limit = 64 * 1024;
		WebSocketHandler bridge = connect(compression, limit);
		String oversize = "{\"op\":0,\"s\":5,\"t\":\"GUILD_CREATE\",\"d\":{\"pad\":\"" + "x".repeat(2 * limit)
				+ "\"}}";
		bridge.handleMessage(this.session, new BinaryMessage(compress(compression, oversize)));
		bridge.handleMessage(this.session, new BinaryMessage(compress(compression, HEARTBEAT_ACK)));
		assertThat(this.handler.skipped).singleElement().satisfies((skipped) -> {
			assertThat(skipped.type()).isEqualTo("GUILD_CREATE");
			assertThat(skipped.sequence()).isEqualTo(5);
			assertThat(skipped.size()).isEqualTo(oversize.length());
			assertThat(skipped.limit()).isEqualTo(limit);
		});
		assertThat(this.handler.closes).as("no close (such as 1009) for a message too large").isEmpty();
		assertThat(this.handler.messages).containsExactly(HEARTBEAT_ACK);
	}

	private void closeResumably(WebSocketHandler bridge) {
		try {
			bridge.afterConnectionClosed(this.session, new CloseStatus(4900));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private WebSocketHandler connect(TransportCompression compression) throws Exception {
		return connect(compression, 1024 * 1024);
	}

	private WebSocketHandler connect(TransportCompression compression, int maxMessageSize) throws Exception {
		new WebSocketGatewayTransport(this.client, maxMessageSize, compression)
			.connect(URI.create("ws://127.0.0.1:1"), this.handler);
		WebSocketHandler bridge = this.client.handler;
		bridge.afterConnectionEstablished(this.session);
		return bridge;
	}

	/** Nothing that reads as a failure: no warning, no error, no stack trace. */
	private static void assertQuiet(CapturedOutput output) {
		assertThat(output).doesNotContain("WARN").doesNotContain("ERROR").doesNotContain("Exception");
	}

	private byte[] compress(TransportCompression compression, String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		return switch (compression) {
			case NONE -> bytes;
			case ZLIB_STREAM -> {
				this.deflater.setInput(bytes);
				byte[] out = new byte[bytes.length + 1024];
				int length = this.deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
				yield Arrays.copyOf(out, length);
			}
			case ZSTD_STREAM -> {
				try (ZstdCompressCtx compressor = new ZstdCompressCtx()) {
					yield compressor.compress(bytes);
				}
			}
		};
	}

	private static WebSocketSession session() {
		return (WebSocketSession) Proxy.newProxyInstance(WebSocketSession.class.getClassLoader(),
				new Class<?>[] { WebSocketSession.class }, (proxy, method, args) -> switch (method.getName()) {
					case "getId" -> "test-session";
					case "isOpen" -> false;
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					case "toString" -> "test-session";
					default -> null;
				});
	}

	/** Hands the transport's handler to the test instead of connecting. */
	private static final class CapturingClient implements WebSocketClient {

		private WebSocketHandler handler;

		@Override
		public CompletableFuture<WebSocketSession> execute(WebSocketHandler webSocketHandler, String uriTemplate,
				Object... uriVariables) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletableFuture<WebSocketSession> execute(WebSocketHandler webSocketHandler,
				WebSocketHttpHeaders headers, URI uri) {
			this.handler = webSocketHandler;
			return new CompletableFuture<>();
		}

	}

	private static final class RecordingHandler implements TransportHandler {

		private final List<String> messages = new CopyOnWriteArrayList<>();

		private final List<Integer> closes = new CopyOnWriteArrayList<>();

		private final List<OversizeMessage> skipped = new CopyOnWriteArrayList<>();

		private Runnable whenReceived = () -> {
		};

		@Override
		public void onOpen(TransportConnection connection) {
		}

		@Override
		public void onReceived(int wireBytes, long messageBytes) {
			this.whenReceived.run();
		}

		@Override
		public void onMessage(byte[] json) {
			this.messages.add(new String(json, StandardCharsets.UTF_8));
		}

		@Override
		public void onMessageSkipped(OversizeMessage message) {
			this.skipped.add(message);
		}

		@Override
		public void onClose(int code, String reason) {
			this.closes.add(code);
		}

	}

}
