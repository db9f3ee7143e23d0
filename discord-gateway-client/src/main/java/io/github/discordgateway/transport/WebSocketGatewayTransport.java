package io.github.discordgateway.transport;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.GatewayMessage;
import io.github.discordgateway.transport.compression.CorruptStreamException;
import io.github.discordgateway.transport.compression.DecompressedMessage;
import io.github.discordgateway.transport.compression.MessageDecompressor;
import io.github.discordgateway.transport.compression.TransportCompression;

/**
 * A {@link GatewayTransport} over a Spring {@link WebSocketClient} (in practice {@code StandardWebSocketClient}
 * over Tomcat's JSR-356 container).
 * <p>
 * The container hands over large messages in fragments, which are decompressed as they come and assembled up to
 * {@code maxMessageSize}: the container's own buffers stay at their small defaults, so an idle connection costs
 * little, while a multi-megabyte GUILD_CREATE still arrives whole. A message over {@code maxMessageSize} is
 * skipped, not fatal: it is still decompressed (so the stream stays in step) but not kept, logged with its
 * event name and sequence, reported to {@link TransportHandler#onMessageSkipped}, and the connection goes on. Sends go through a
 * {@link ConcurrentWebSocketSessionDecorator}: the heartbeat timer and the session send from different threads.
 */
public final class WebSocketGatewayTransport implements GatewayTransport {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketGatewayTransport.class);

	private static final int SEND_TIME_LIMIT_MS = 10_000;

	private static final int SEND_BUFFER_LIMIT = 64 * 1024;

	/** The configuration property that sets the limit; named in the log so users know what to raise. */
	private static final String MAX_MESSAGE_SIZE_PROPERTY = "discord.gateway.max-message-size";

	private final WebSocketClient client;

	private final int maxMessageSize;

	private final TransportCompression compression;

	/**
	 * @param client the WebSocket client
	 * @param maxMessageSize the largest gateway message accepted, in bytes (after decompression); larger ones are
	 * skipped
	 * @param compression the transport compression the connections ask for (each gets a fresh context)
	 */
	public WebSocketGatewayTransport(WebSocketClient client, int maxMessageSize, TransportCompression compression) {
		this.client = client;
		this.maxMessageSize = maxMessageSize;
		this.compression = compression;
	}

	/**
	 * {@inheritDoc}
	 * @throws IllegalStateException for zstd-stream when zstd-jni is missing or cannot load
	 */
	@Override
	public CompletableFuture<TransportConnection> connect(URI uri, TransportHandler handler) {
		// The connection creates its context only once open; an unusable compression is reported now.
		this.compression.requireAvailable();
		Bridge bridge = new Bridge(handler);
		return this.client.execute(bridge, new WebSocketHttpHeaders(), uri).thenApply((session) -> bridge.connection);
	}

	/**
	 * Adapts one WebSocket session to a {@link TransportHandler}. Its decompression contexts exist only while
	 * the connection is open: created when it opens (a failed handshake leaves nothing to free), closed when it
	 * closes, from whichever thread (a close during a decode takes effect when the decode returns).
	 */
	private final class Bridge extends AbstractWebSocketHandler {

		private final TransportHandler handler;

		private volatile Connection connection;

		/** For binary messages: the connection's compression context. */
		private volatile MessageDecompressor decompressor;

		/** For text messages, which are never compressed; created on the first one. */
		private MessageDecompressor textAssembler;

		/** The wire bytes of the message being read, over its frames; on the I/O thread. */
		private int wireBytes;

		/** Set once, under this bridge's lock; read without it by the I/O thread. */
		private volatile boolean closed;

		Bridge(TransportHandler handler) {
			this.handler = handler;
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			synchronized (this) {
				if (this.closed) {
					return;
				}
				this.decompressor = WebSocketGatewayTransport.this.compression
					.newDecompressor(WebSocketGatewayTransport.this.maxMessageSize);
			}
			this.connection = new Connection(
					new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT));
			this.handler.onOpen(this.connection);
		}

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) {
			MessageDecompressor assembler;
			synchronized (this) {
				if (this.textAssembler == null && !this.closed) {
					this.textAssembler = TransportCompression.NONE
						.newDecompressor(WebSocketGatewayTransport.this.maxMessageSize);
				}
				assembler = this.textAssembler;
			}
			ByteBuffer fragment = ByteBuffer.wrap(message.getPayload().getBytes(StandardCharsets.UTF_8));
			decode(session, assembler, fragment, message.isLast());
		}

		@Override
		protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
			decode(session, this.decompressor, message.getPayload(), message.isLast());
		}

		private void decode(WebSocketSession session, MessageDecompressor decoder, ByteBuffer fragment,
				boolean last) {
			if (this.closed || decoder == null) {
				// The connection is over, and so is its input (a closed decompressor would drop it too).
				logger.debug("Dropped a gateway frame that arrived after the connection closed");
				return;
			}
			this.wireBytes += fragment.remaining();
			DecompressedMessage json;
			try {
				json = decoder.decompress(fragment, last);
			}
			catch (CorruptStreamException ex) {
				fail(session, ex);
				return;
			}
			if (json == null) {
				return;
			}
			this.handler.onReceived(this.wireBytes, json.size());
			this.wireBytes = 0;
			if (this.closed) {
				// Closed by another thread while it was read: the close has been reported, and nothing comes after it.
				logger.debug("Dropped a gateway message that the connection's close overtook");
				return;
			}
			if (json.isOversize()) {
				skip(json);
				return;
			}
			// The decompressor reuses its buffer; the event keeps its bytes for lazy decoding.
			this.handler.onMessage(Arrays.copyOf(json.array(), json.length()));
		}

		private void skip(DecompressedMessage json) {
			GatewayMessage start = GatewayJson.decodeStart(json.array(), json.length());
			OversizeMessage skipped = new OversizeMessage(start.type(), start.sequence(), json.size(),
					WebSocketGatewayTransport.this.maxMessageSize);
			logger.warn("Skipped a gateway message of {} bytes, over the limit of {} bytes (event {}, sequence {}); "
					+ "raise {} if such messages are expected", skipped.size(), skipped.limit(),
					(skipped.type() != null) ? skipped.type() : "unknown",
					(skipped.sequence() >= 0) ? skipped.sequence() : "unknown", MAX_MESSAGE_SIZE_PROPERTY);
			this.handler.onMessageSkipped(skipped);
		}

		/**
		 * Ends a connection whose input cannot be read: the session resumes on a new connection, with a fresh
		 * decompression context.
		 */
		private void fail(WebSocketSession session, CorruptStreamException ex) {
			int code = CloseStatus.BAD_DATA.getCode();
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
			MessageDecompressor binary;
			MessageDecompressor text;
			synchronized (this) {
				if (this.closed) {
					return;
				}
				this.closed = true;
				binary = this.decompressor;
				text = this.textAssembler;
			}
			if (binary != null) {
				binary.close();
			}
			if (text != null) {
				text.close();
			}
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
		public boolean send(String json) {
			try {
				this.session.sendMessage(new TextMessage(json));
				return true;
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Gateway send failed; closing the connection", ex);
				close(CloseStatus.SESSION_NOT_RELIABLE.getCode(), "send failed");
				return false;
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
