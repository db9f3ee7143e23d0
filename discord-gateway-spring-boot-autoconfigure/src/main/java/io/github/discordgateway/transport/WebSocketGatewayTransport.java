package io.github.discordgateway.transport;

import java.io.IOException;
import java.net.URI;
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

	private final long maxMessageSize;

	private final InboundDecoder.Factory decoders;

	/**
	 * @param client the WebSocket client
	 * @param maxMessageSize the largest gateway message accepted, in bytes (after decompression)
	 * @param decoders makes each connection's decoder (e.g. for transport compression)
	 */
	public WebSocketGatewayTransport(WebSocketClient client, long maxMessageSize, InboundDecoder.Factory decoders) {
		this.client = client;
		this.maxMessageSize = maxMessageSize;
		this.decoders = decoders;
	}

	@Override
	public CompletableFuture<TransportConnection> connect(URI uri, TransportHandler handler) {
		Bridge bridge = new Bridge(handler, new MessageAssembler(this.maxMessageSize),
				this.decoders.create(this.maxMessageSize));
		return this.client.execute(bridge, new WebSocketHttpHeaders(), uri).thenApply((session) -> bridge.connection);
	}

	/**
	 * Adapts one WebSocket session to a {@link TransportHandler}.
	 */
	private static final class Bridge extends AbstractWebSocketHandler {

		private final TransportHandler handler;

		private final MessageAssembler assembler;

		private final InboundDecoder decoder;

		private volatile Connection connection;

		private boolean closed;

		Bridge(TransportHandler handler, MessageAssembler assembler, InboundDecoder decoder) {
			this.handler = handler;
			this.assembler = assembler;
			this.decoder = decoder;
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			this.connection = new Connection(
					new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT));
			this.handler.onOpen(this.connection);
		}

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) {
			byte[] whole = this.assembler.append(message.getPayload(), message.isLast());
			if (whole != null) {
				this.handler.onMessage(whole);
			}
		}

		@Override
		protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
			byte[] whole = this.assembler.append(message.getPayload(), message.isLast());
			if (whole != null) {
				byte[] json = this.decoder.decode(whole);
				if (json != null) {
					this.handler.onMessage(json);
				}
			}
		}

		@Override
		public void handleTransportError(WebSocketSession session, Throwable exception) {
			logger.debug("Gateway transport error", exception);
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			synchronized (this) {
				if (this.closed) {
					return;
				}
				this.closed = true;
			}
			this.decoder.close();
			this.handler.onClose(status.getCode(), (status.getReason() != null) ? status.getReason() : "");
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
