package io.github.discordgateway.transport.compression;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.junit.jupiter.api.Test;

import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import io.github.discordgateway.transport.TransportConnection;
import io.github.discordgateway.transport.TransportHandler;
import io.github.discordgateway.transport.WebSocketGatewayTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A connection that never opens must leave no native zstd context behind (in the test's own package, to count
 * them).
 */
class FailedConnectionsDecompressorTests {

	@Test
	void repeatedFailedConnectsLeaveNoZstdContextOpen() throws Exception {
		URI refused = URI.create("ws://127.0.0.1:" + freePort() + "/?v=10&encoding=json&compress=zstd-stream");
		WsWebSocketContainer container = new WsWebSocketContainer();
		try {
			WebSocketGatewayTransport transport = new WebSocketGatewayTransport(
					new StandardWebSocketClient(container), 1024 * 1024, TransportCompression.ZSTD_STREAM);
			int openBefore = ZstdStreamDecompressor.openContexts();
			for (int i = 0; i < 10; i++) {
				CompletableFuture<TransportConnection> connection = transport.connect(refused, new IgnoringHandler());
				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> connection.get(30, TimeUnit.SECONDS));
			}
			assertThat(ZstdStreamDecompressor.openContexts()).isEqualTo(openBefore);
		}
		finally {
			// Tomcat's I/O threads are shared by its containers and end only when the last one is destroyed.
			container.destroy();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static final class IgnoringHandler implements TransportHandler {

		@Override
		public void onOpen(TransportConnection connection) {
		}

		@Override
		public void onMessage(byte[] json) {
		}

		@Override
		public void onClose(int code, String reason) {
		}

	}

}
