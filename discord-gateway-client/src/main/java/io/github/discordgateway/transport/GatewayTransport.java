package io.github.discordgateway.transport;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Opens connections to the gateway. The session logic sees only whole, decompressed gateway messages, so it can
 * be driven by any transport (a WebSocket in production, a fake one in unit tests).
 */
@FunctionalInterface
public interface GatewayTransport {

	/**
	 * Opens a connection.
	 * @param uri the gateway URL with its query ({@code v}, {@code encoding}, {@code compress})
	 * @param handler receives the connection's messages and its close; called on the transport's I/O thread, one
	 * call at a time
	 * @return the open connection, or a failed future if it could not be opened
	 */
	CompletableFuture<TransportConnection> connect(URI uri, TransportHandler handler);

}
