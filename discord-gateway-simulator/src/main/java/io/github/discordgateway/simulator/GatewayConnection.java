package io.github.discordgateway.simulator;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A snapshot of one WebSocket connection to the simulator. Snapshots do not change; ask
 * {@link GatewaySimulator#connections()} again for the current state.
 *
 * @param id connection id, in order of opening, starting at 1
 * @param port the port the client dialled
 * @param path the request path, e.g. {@code /}
 * @param query the query parameters (first value of each)
 * @param openedAt when the WebSocket handshake completed
 * @param ending how the connection ended so far
 * @param clientClose the first close frame the client sent, if any
 * @param serverClose the close frame the simulator sent, if any
 * @param closedAt when the TCP connection closed, if it has
 * @param sessionId the session this connection carried (after a successful Identify or Resume), if any
 */
public record GatewayConnection(int id, GatewayPort port, String path, Map<String, String> query, Instant openedAt,
		Ending ending, Optional<CloseFrame> clientClose, Optional<CloseFrame> serverClose, Optional<Instant> closedAt,
		Optional<String> sessionId) {

	/**
	 * Copies the query so the record is immutable.
	 */
	public GatewayConnection {
		query = Map.copyOf(query);
	}

	/**
	 * The client's close code, the way most tests want it.
	 * @return the code of the first close frame the client sent; empty if it sent none (yet)
	 */
	public OptionalInt clientCloseCode() {
		return this.clientClose.map((frame) -> OptionalInt.of(frame.code())).orElse(OptionalInt.empty());
	}

	/**
	 * The simulator's close code.
	 * @return the code of the close frame the simulator sent; empty if it sent none
	 */
	public OptionalInt serverCloseCode() {
		return this.serverClose.map((frame) -> OptionalInt.of(frame.code())).orElse(OptionalInt.empty());
	}

	/**
	 * Whether the TCP connection is still open.
	 * @return {@code true} until the connection closed
	 */
	public boolean isOpen() {
		return this.closedAt.isEmpty();
	}

	/**
	 * A WebSocket close frame.
	 *
	 * @param code the status code ({@code 1005} stands for a close frame without a code, as RFC 6455 says)
	 * @param reason the reason text, possibly empty
	 */
	public record CloseFrame(int code, String reason) {

		/**
		 * Validates the components.
		 */
		public CloseFrame {
			Objects.requireNonNull(reason, "reason");
		}

	}

	/**
	 * How a connection ended; which side spoke first decides.
	 */
	public enum Ending {

		/** Still open. */
		OPEN,

		/** The client sent a close frame first. */
		CLIENT_CLOSED,

		/** The simulator sent a close frame first (a protocol violation or a scripted close). */
		SERVER_CLOSED,

		/** The TCP connection ended with no close frame from either side, from the client's end. */
		CLIENT_DROPPED,

		/** The simulator cut the TCP connection without a close frame ({@code dropConnection()} or shutdown). */
		SERVER_DROPPED

	}

}
