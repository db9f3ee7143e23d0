package io.github.discordgateway.simulator;

import java.util.ArrayDeque;

/**
 * A sliding-window send limit of one connection: by default the gateway's 120 payloads (heartbeats included) in
 * any 60 s; {@link #presenceUpdates()} is the 5 presence updates in any 20 s. Used only from the connection's
 * event loop.
 */
final class SendRateLimit {

	static final int MAX_PAYLOADS = 120;

	static final int MAX_PRESENCE_UPDATES = 5;

	static final long PRESENCE_WINDOW_NANOS = 20_000_000_000L;

	private static final long WINDOW_NANOS = 60_000_000_000L;

	private final int max;

	private final long windowNanos;

	private final ArrayDeque<Long> recent;

	SendRateLimit() {
		this(MAX_PAYLOADS, WINDOW_NANOS);
	}

	private SendRateLimit(int max, long windowNanos) {
		this.max = max;
		this.windowNanos = windowNanos;
		this.recent = new ArrayDeque<>(max);
	}

	/** The limit on presence updates (op 3), which also count toward the general one. */
	static SendRateLimit presenceUpdates() {
		return new SendRateLimit(MAX_PRESENCE_UPDATES, PRESENCE_WINDOW_NANOS);
	}

	/**
	 * Counts one payload.
	 * @param nowNanos its {@link System#nanoTime()}
	 * @return {@code false} if this payload is one too many
	 */
	boolean tryAcquire(long nowNanos) {
		while (!this.recent.isEmpty() && nowNanos - this.recent.peekFirst() >= this.windowNanos) {
			this.recent.pollFirst();
		}
		if (this.recent.size() >= this.max) {
			return false;
		}
		this.recent.addLast(nowNanos);
		return true;
	}

}
