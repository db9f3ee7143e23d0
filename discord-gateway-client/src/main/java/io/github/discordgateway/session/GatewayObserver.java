package io.github.discordgateway.session;

import java.time.Duration;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.protocol.CloseAction;
import io.github.discordgateway.protocol.Opcode;
import io.github.discordgateway.transport.OversizeMessage;

/**
 * Hears what happens on the gateway, for metrics and health. {@link #dispatchReceived},
 * {@link #heartbeatAcknowledged}, {@link #bytesReceived}, {@link #messageSkipped} and
 * {@link #malformedMessageSkipped} are called on the socket's thread as the message is read;
 * {@link #dispatchHandled} and {@link #listenerFailed} on the thread delivering the shard's events; the others on
 * the client's callback executor, in order. None is called on the scheduler's thread or under a shard's lock.
 * Implementations must be fast; one that throws is logged and changes nothing.
 */
public interface GatewayObserver {

	/** Hears nothing. */
	GatewayObserver NONE = new GatewayObserver() {
	};

	/** A heartbeat was acknowledged after this round trip. */
	default void heartbeatAcknowledged(int shardId, Duration latency) {
	}

	/**
	 * A dispatch was received: called on the socket's thread before the event is queued for listeners, so it
	 * must not block (nor decode more than it needs).
	 */
	default void dispatchReceived(DispatchEvent event) {
	}

	/**
	 * A message over the maximum message size was skipped (and logged); the connection carries on.
	 * @param shardId the shard that received it
	 * @param message what could be read of it
	 */
	default void messageSkipped(int shardId, OversizeMessage message) {
	}

	/**
	 * A message that is not a valid payload envelope, or whose data its opcode cannot use, was skipped (and
	 * logged); the connection carries on.
	 * @param shardId the shard that received it
	 */
	default void malformedMessageSkipped(int shardId) {
	}

	/** The gateway or the network closed a connection (not counted: closes the client started). */
	default void connectionClosed(int shardId, int closeCode) {
	}

	/** The shard is reconnecting, to resume or to identify anew. */
	default void reconnecting(int shardId, CloseAction action) {
	}

	/** A command went out after waiting this long in the shard's queue (for the session and the rate limit). */
	default void commandSent(int shardId, Opcode op, Duration waited) {
	}

	/**
	 * A whole gateway message was read: called on the socket's thread, so it must not block.
	 * @param wireBytes its size as it came over the wire (compressed when transport compression is on)
	 * @param decompressedBytes its size as JSON
	 */
	default void bytesReceived(int shardId, int wireBytes, long decompressedBytes) {
	}

	/**
	 * The listener is done with a dispatch: called on the thread that delivered it, so it must not block.
	 * @param lag from when the dispatch was queued for delivery (as it was read) to when the listener returned
	 */
	default void dispatchHandled(DispatchEvent event, Duration lag) {
	}

	/**
	 * A listener threw on a dispatch (the others still get it, and delivery goes on): called on the thread that
	 * delivered it, so it must not block.
	 */
	default void listenerFailed(DispatchEvent event, Throwable failure) {
	}

	/**
	 * An Identify or a Resume came to an end: {@code succeeded} on READY or RESUMED, not when the connection ended
	 * (or Discord refused the session) first. An attempt the shard abandons on request is not reported.
	 */
	default void sessionAttempted(int shardId, SessionAttempt attempt, boolean succeeded) {
	}

	/** The connection's rate limiter held a command at the head of the queue for this long (told once a command). */
	default void rateLimited(int shardId, Opcode op, Duration wait) {
	}

	/** The shard's status changed. */
	default void statusChanged(ShardStatus status) {
	}

	/**
	 * A listener has been busy with one event past the stuck listener threshold (told once per stuck event; the
	 * shard's status says so until the listener is done, see {@link ShardStatus#stuckListener()}).
	 */
	default void listenerStuck(StuckListener stuck) {
	}

}
