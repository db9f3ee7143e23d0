package io.github.discordgateway;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

import org.apache.tomcat.websocket.WsWebSocketContainer;

import org.springframework.util.ClassUtils;

/**
 * The JSR-356 container a client makes when it is given no WebSocket client, and releases when it closes.
 */
final class OwnedWebSocketContainer {

	private static final boolean TOMCAT_PRESENT = ClassUtils.isPresent("org.apache.tomcat.websocket.WsWebSocketContainer",
			OwnedWebSocketContainer.class.getClassLoader());

	private OwnedWebSocketContainer() {
	}

	static WebSocketContainer create() {
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		// Heartbeats keep the connection alive; a container idle timeout (Jetty's is 30 s) would cut it.
		container.setDefaultMaxSessionIdleTimeout(0);
		return container;
	}

	/**
	 * Stops the container's threads where its implementation allows it (Tomcat's keeps non-daemon ones).
	 */
	static void release(WebSocketContainer container) {
		if (TOMCAT_PRESENT) {
			Tomcat.release(container);
		}
	}

	/**
	 * Kept apart so that Tomcat's classes load only when present.
	 */
	private static final class Tomcat {

		static void release(WebSocketContainer container) {
			if (container instanceof WsWebSocketContainer tomcat) {
				tomcat.destroy();
			}
		}

	}

}
