package io.github.discordgateway.simulator;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import io.github.discordgateway.simulator.GatewayConnection.CloseFrame;
import io.github.discordgateway.simulator.GatewayConnection.Ending;

/**
 * The server side of one open WebSocket: everything the simulator sends goes through here, and here is
 * what gets recorded about the connection's life. Every write runs as a task on the channel's event loop,
 * so messages leave in the order they were handed in, whichever thread handed them in.
 */
final class LiveConnection {

	/** How long a closing connection waits for the client's close frame before cutting TCP. */
	private static final long CLOSE_HANDSHAKE_MILLIS = 1000;

	private final int id;

	private final GatewayPort port;

	private final String path;

	private final Map<String, String> query;

	private final Instant openedAt = Instant.now();

	private final Channel channel;

	/** Set once the query was accepted; only touched on the event loop. */
	private TransportEncoder encoder;

	/** A close frame went out or came in: no data frames may follow. Only touched on the event loop. */
	private boolean outputClosed;

	// Read by test threads for snapshots, so guarded by this.
	private Ending ending = Ending.OPEN;

	private CloseFrame clientClose;

	private CloseFrame serverClose;

	private Instant closedAt;

	private SessionState session;

	private String lastSessionId;

	LiveConnection(int id, GatewayPort port, String path, Map<String, String> query, Channel channel) {
		this.id = id;
		this.port = port;
		this.path = path;
		this.query = Map.copyOf(query);
		this.channel = channel;
	}

	int id() {
		return this.id;
	}

	/** Called on the event loop once the query was accepted, before anything is sent. */
	void useEncoder(TransportEncoder encoder) {
		this.encoder = encoder;
	}

	/** Queues a message; it is dropped if a close frame has gone out or come in by the time it is written. */
	void send(String json) {
		this.channel.eventLoop().execute(() -> {
			if (this.outputClosed || this.encoder == null) {
				return;
			}
			for (WebSocketFrame frame : this.encoder.encode(json)) {
				this.channel.write(frame);
			}
			this.channel.flush();
		});
	}

	/** Queues a message after a delay (used for delayed heartbeat ACKs). */
	void sendLater(String json, long delayMillis) {
		this.channel.eventLoop().schedule(() -> send(json), delayMillis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Queues a close frame from the simulator. The session consequences apply at once, so a client that
	 * reconnects quickly sees them.
	 */
	void close(int code, String reason) {
		SessionState carried = session();
		if (carried != null) {
			carried.detach(this, CloseCodes.serverCloseEndsSession(code));
		}
		this.channel.eventLoop().execute(() -> {
			if (this.outputClosed) {
				return;
			}
			this.outputClosed = true;
			synchronized (this) {
				this.serverClose = new CloseFrame(code, reason);
				if (this.ending == Ending.OPEN) {
					this.ending = Ending.SERVER_CLOSED;
				}
			}
			this.channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
			// RFC 6455: wait for the client's close frame, but not forever.
			this.channel.eventLoop()
				.schedule(() -> this.channel.close(), CLOSE_HANDSHAKE_MILLIS, TimeUnit.MILLISECONDS);
		});
	}

	/** Queues an abrupt TCP close: no close frame, and a reset (SO_LINGER 0) instead of a FIN. */
	void drop() {
		this.channel.eventLoop().execute(() -> {
			synchronized (this) {
				if (this.ending == Ending.OPEN) {
					this.ending = Ending.SERVER_DROPPED;
				}
			}
			this.outputClosed = true;
			this.channel.config().setOption(ChannelOption.SO_LINGER, 0);
			this.channel.close();
		});
	}

	/**
	 * Sends op 9. {@code d:false} means the session is gone, so it is invalidated here as Discord would.
	 */
	void sendInvalidSession(boolean resumable) {
		SessionState carried = session();
		if (!resumable && carried != null) {
			carried.invalidate();
		}
		send(Payloads.invalidSession(resumable));
	}

	/** On the event loop: the client sent a close frame. Completes the close handshake. */
	void onClientClose(int code, String reason) {
		boolean clientStarted;
		synchronized (this) {
			if (this.clientClose != null) {
				return;
			}
			this.clientClose = new CloseFrame(code, reason);
			clientStarted = this.ending == Ending.OPEN;
			if (clientStarted) {
				this.ending = Ending.CLIENT_CLOSED;
			}
		}
		SessionState carried = session();
		if (carried != null) {
			// Only a close the client started speaks for the session; an echo of ours does not.
			carried.detach(this, clientStarted && CloseCodes.clientCloseEndsSession(code));
		}
		if (this.outputClosed) {
			this.channel.close();
			return;
		}
		this.outputClosed = true;
		this.channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
	}

	/** On the event loop: TCP closed. */
	void onInactive() {
		synchronized (this) {
			this.closedAt = Instant.now();
			if (this.ending == Ending.OPEN) {
				this.ending = Ending.CLIENT_DROPPED;
			}
		}
		this.outputClosed = true;
		SessionState carried = session();
		if (carried != null) {
			carried.detach(this, false);
		}
		if (this.encoder != null) {
			this.encoder.release();
		}
	}

	/** On the event loop: whether the connection is past its close frame. */
	boolean isClosing() {
		return this.outputClosed;
	}

	synchronized boolean isOpen() {
		return this.ending == Ending.OPEN;
	}

	synchronized SessionState session() {
		return this.session;
	}

	synchronized void carry(SessionState session) {
		this.session = session;
		if (session != null) {
			this.lastSessionId = session.id();
		}
	}

	synchronized GatewayConnection snapshot() {
		return new GatewayConnection(this.id, this.port, this.path, this.query, this.openedAt, this.ending,
				Optional.ofNullable(this.clientClose), Optional.ofNullable(this.serverClose),
				Optional.ofNullable(this.closedAt), Optional.ofNullable(this.lastSessionId));
	}

}
