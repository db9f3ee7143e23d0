package io.github.discordgateway.simulator;

import java.util.ArrayDeque;

/**
 * The gateway send limit of one connection: 120 payloads (heartbeats included) in any sliding 60 s window.
 * Used only from the connection's event loop.
 */
final class SendRateLimit {

	static final int MAX_PAYLOADS = 120;

	private static final long WINDOW_NANOS = 60_000_000_000L;

	private final ArrayDeque<Long> recent = new ArrayDeque<>(MAX_PAYLOADS);

	/**
	 * Counts one payload.
	 * @param nowNanos its {@link System#nanoTime()}
	 * @return {@code false} if this payload is one too many
	 */
	boolean tryAcquire(long nowNanos) {
		while (!this.recent.isEmpty() && nowNanos - this.recent.peekFirst() >= WINDOW_NANOS) {
			this.recent.pollFirst();
		}
		if (this.recent.size() >= MAX_PAYLOADS) {
			return false;
		}
		this.recent.addLast(nowNanos);
		return true;
	}

}
