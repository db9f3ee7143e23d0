package io.github.discordgateway.session;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.discordgateway.transport.GatewayTransport;
import io.github.discordgateway.transport.TransportConnection;
import io.github.discordgateway.transport.TransportHandler;

/**
 * A transport whose connections a test opens, feeds and closes by hand, recording what the shard sent.
 */
final class FakeTransport implements GatewayTransport {

	final List<FakeConnection> connections = new ArrayList<>();

	private final java.util.function.LongSupplier clock;

	FakeTransport(java.util.function.LongSupplier clock) {
		this.clock = clock;
	}

	boolean failNextConnect;

	/** How many of the next connection attempts are refused. */
	int refuseConnects;

	/** Every URI the shard tried, refused ones included. */
	final List<URI> attempts = new ArrayList<>();

	@Override
	public synchronized CompletableFuture<TransportConnection> connect(URI uri, TransportHandler handler) {
		this.attempts.add(uri);
		if (this.failNextConnect || this.refuseConnects > 0) {
			this.failNextConnect = false;
			this.refuseConnects = Math.max(0, this.refuseConnects - 1);
			return CompletableFuture.failedFuture(new java.io.IOException("connection refused"));
		}
		FakeConnection connection = new FakeConnection(uri, handler, this.clock);
		this.connections.add(connection);
		handler.onOpen(connection);
		return CompletableFuture.completedFuture(connection);
	}

	synchronized FakeConnection last() {
		return this.connections.get(this.connections.size() - 1);
	}

	static final class FakeConnection implements TransportConnection {

		final URI uri;

		final TransportHandler handler;

		final List<String> sent = new ArrayList<>();

		final List<Long> sentAt = new ArrayList<>();

		private final java.util.function.LongSupplier clock;

		Integer closedWith;

		/** Whether sends fail (as when the socket broke). */
		boolean failSends;

		FakeConnection(URI uri, TransportHandler handler, java.util.function.LongSupplier clock) {
			this.uri = uri;
			this.handler = handler;
			this.clock = clock;
		}

		@Override
		public synchronized boolean send(String json) {
			if (this.failSends) {
				return false;
			}
			this.sent.add(json);
			this.sentAt.add(this.clock.getAsLong());
			return true;
		}

		@Override
		public synchronized void close(int code, String reason) {
			if (this.closedWith == null) {
				this.closedWith = code;
			}
		}

		void receive(String json) {
			this.handler.onMessage(json.getBytes(StandardCharsets.UTF_8));
		}

		void serverCloses(int code) {
			this.handler.onClose(code, "");
		}

		synchronized List<String> sentWithOp(int op) {
			return this.sent.stream().filter((json) -> json.startsWith("{\"op\":" + op + ",")).toList();
		}

	}

}
