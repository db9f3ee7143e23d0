package io.github.discordgateway.transport;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import io.github.discordgateway.transport.compression.CorruptStreamException;
import io.github.discordgateway.transport.compression.DecompressedMessage;
import io.github.discordgateway.transport.compression.DecompressionException;
import io.github.discordgateway.transport.compression.MessageDecompressor;
import io.github.discordgateway.transport.compression.TransportCompression;

/**
 * A {@link GatewayTransport} over a Spring {@link WebSocketClient} (in practice {@code StandardWebSocketClient}
 * over Tomcat's JSR-356 container).
 * <p>
 * The container hands over large messages in fragments, which are assembled here up to
 * {@code maxMessageSize}: the container's own buffers stay at their small defaults, so an idle connection costs
 * little, while a multi-megabyte GUILD_CREATE still arrives whole. Sends go through a
 * {@link ConcurrentWebSocketSessionDecorator}: the heartbeat timer and the session send from different threads.
 */
public final class WebSocketGatewayTransport implements GatewayTransport {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketGatewayTransport.class);

	private static final int SEND_TIME_LIMIT_MS = 10_000;

	private static final int SEND_BUFFER_LIMIT = 64 * 1024;

	private final WebSocketClient client;

	private final int maxMessageSize;

	private final TransportCompression compression;

	/**
	 * @param client the WebSocket client
	 * @param maxMessageSize the largest gateway message accepted, in bytes (after decompression)
	 * @param compression the transport compression the connections ask for (each gets a fresh context)
	 */
	public WebSocketGatewayTransport(WebSocketClient client, int maxMessageSize, TransportCompression compression) {
		this.client = client;
		this.maxMessageSize = maxMessageSize;
		this.compression = compression;
	}

	@Override
	public CompletableFuture<TransportConnection> connect(URI uri, TransportHandler handler) {
		Bridge bridge = new Bridge(handler, new MessageAssembler(this.maxMessageSize),
				this.compression.newDecompressor(this.maxMessageSize));
		return this.client.execute(bridge, new WebSocketHttpHeaders(), uri).thenApply((session) -> bridge.connection);
	}

	/**
	 * Adapts one WebSocket session to a {@link TransportHandler}.
	 */
	private static final class Bridge extends AbstractWebSocketHandler {

		private final TransportHandler handler;

		private final MessageAssembler assembler;

		private final MessageDecompressor decompressor;

		private volatile Connection connection;

		/** The wire bytes of the message being read, over its frames. */
		private int wireBytes;

		private boolean closed;

		Bridge(TransportHandler handler, MessageAssembler assembler, MessageDecompressor decompressor) {
			this.handler = handler;
			this.assembler = assembler;
			this.decompressor = decompressor;
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			this.connection = new Connection(
					new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT));
			this.handler.onOpen(this.connection);
		}

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) {
			try {
				byte[] whole = this.assembler.append(message.getPayload(), message.isLast());
				if (whole != null) {
					this.handler.onReceived(whole.length, whole.length);
					this.handler.onMessage(whole);
				}
			}
			catch (DecompressionException ex) {
				fail(session, ex);
			}
		}

		@Override
		protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
			try {
				ByteBuffer payload = message.getPayload();
				this.wireBytes += payload.remaining();
				if (message.isLast() && this.assembler.isEmpty()) {
					// The common case, a message in one piece: decompress it where it lies.
					deliver(this.decompressor.decompress(payload));
				}
				else {
					byte[] whole = this.assembler.append(payload, message.isLast());
					if (whole != null) {
						deliver(this.decompressor.decompress(ByteBuffer.wrap(whole)));
					}
				}
			}
			catch (DecompressionException ex) {
				fail(session, ex);
			}
		}

		private void deliver(DecompressedMessage json) {
			if (json != null) {
				this.handler.onReceived(this.wireBytes, json.length());
				this.wireBytes = 0;
				// The decompressor reuses its buffer; the event keeps its bytes for lazy decoding.
				this.handler.onMessage(Arrays.copyOf(json.array(), json.length()));
			}
		}

		/**
		 * Ends a connection whose input cannot be read: the session resumes on a new connection, with a fresh
		 * decompression context.
		 */
		private void fail(WebSocketSession session, DecompressionException ex) {
			int code = (ex instanceof CorruptStreamException) ? CloseStatus.BAD_DATA.getCode()
					: CloseStatus.TOO_BIG_TO_PROCESS.getCode();
			logger.error("Closing the gateway connection: {}", ex.getMessage());
			closed(code, ex.getMessage());
			try {
				session.close(new CloseStatus(code));
			}
			catch (IOException | RuntimeException closeFailure) {
				logger.debug("Gateway close failed", closeFailure);
			}
		}

		@Override
		public void handleTransportError(WebSocketSession session, Throwable exception) {
			logger.debug("Gateway transport error", exception);
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			closed(status.getCode(), (status.getReason() != null) ? status.getReason() : "");
		}

		private void closed(int code, String reason) {
			synchronized (this) {
				if (this.closed) {
					return;
				}
				this.closed = true;
			}
			this.decompressor.close();
			this.handler.onClose(code, reason);
		}

		@Override
		public boolean supportsPartialMessages() {
			return true;
		}

	}

	private static final class Connection implements TransportConnection {

		private final WebSocketSession session;

		Connection(WebSocketSession session) {
			this.session = session;
		}

		@Override
		public void send(String json) {
			try {
				this.session.sendMessage(new TextMessage(json));
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Gateway send failed; closing the connection", ex);
				close(CloseStatus.SESSION_NOT_RELIABLE.getCode(), "send failed");
			}
		}

		@Override
		public void close(int code, String reason) {
			try {
				if (this.session.isOpen()) {
					this.session.close(new CloseStatus(code, reason));
				}
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Gateway close failed", ex);
			}
		}

	}

}
