package io.github.discordgateway.session;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the times a shard's {@link ShardActivity} is made of. Written on the socket's thread and under the
 * shard's lock, read from any thread: every field is volatile and read once per snapshot.
 */
final class ActivityTracker {

	private static final long NEVER = Long.MIN_VALUE;

	private final Scheduler scheduler;

	private final DispatchWatchdog watchdog;

	private volatile long heartbeatIntervalNanos;

	private volatile long helloAt = NEVER;

	private volatile long lastAckAt = NEVER;

	private volatile long lastDispatchAt = NEVER;

	private volatile long latencyNanos = NEVER;

	private volatile String lastCloseReason;

	private volatile boolean silenceReported;

	/** Whether a connection was given up for want of an ACK and none has arrived since. */
	private volatile boolean ackMissed;

	ActivityTracker(Scheduler scheduler, DispatchWatchdog watchdog) {
		this.scheduler = scheduler;
		this.watchdog = watchdog;
	}

	void helloReceived(Duration heartbeatInterval) {
		this.heartbeatIntervalNanos = heartbeatInterval.toNanos();
		this.helloAt = this.scheduler.nanoTime();
	}

	void acknowledged(Duration latency) {
		this.latencyNanos = latency.toNanos();
		this.lastAckAt = this.scheduler.nanoTime();
		this.ackMissed = false;
	}

	/**
	 * A heartbeat went unanswered until the next was due (a zombie connection): heartbeats stay overdue until
	 * one is acknowledged, whatever the connections in between.
	 */
	void ackMissed() {
		this.ackMissed = true;
	}

	void dispatchReceived() {
		this.lastDispatchAt = this.scheduler.nanoTime();
		this.silenceReported = false;
	}

	/**
	 * Whether this is the first time this silence is reported (a dispatch starts a new one).
	 */
	boolean firstReportOfSilence() {
		boolean first = !this.silenceReported;
		this.silenceReported = true;
		return first;
	}

	void connectionLost(String reason) {
		this.lastCloseReason = reason;
	}

	/**
	 * Whether a ready session has gone without a dispatch for the watchdog's silence.
	 */
	boolean isDispatchSilent(ShardState state) {
		return isDispatchSilent(state, this.scheduler.nanoTime(), this.lastDispatchAt);
	}

	private boolean isDispatchSilent(ShardState state, long now, long lastDispatch) {
		// READY and RESUMED are dispatches: a ready session always has one to count from.
		return this.watchdog.isOn() && state == ShardState.READY && lastDispatch != NEVER
				&& now - lastDispatch > this.watchdog.silence().toNanos();
	}

	ShardActivity snapshot(ShardState state) {
		long now = this.scheduler.nanoTime();
		long interval = this.heartbeatIntervalNanos;
		long hello = this.helloAt;
		long ack = this.lastAckAt;
		long dispatch = this.lastDispatchAt;
		long latency = this.latencyNanos;
		boolean beating = hello != NEVER && (state == ShardState.IDENTIFYING || state == ShardState.RESUMING
				|| state == ShardState.READY);
		// Heartbeats (the first after up to one interval) answered within the next: two intervals without an
		// ACK since this connection's Hello mean they stopped or go unanswered.
		boolean overdue = beating && (this.ackMissed || now - Math.max(hello, ack) > 2 * interval);
		Instant wallNow = Instant.now();
		return new ShardActivity((interval > 0) ? Duration.ofNanos(interval) : null,
				(latency != NEVER) ? Duration.ofNanos(latency) : null, instant(wallNow, now, dispatch),
				instant(wallNow, now, ack), age(now, dispatch), age(now, ack), overdue,
				!overdue && isDispatchSilent(state, now, dispatch), this.lastCloseReason);
	}

	private static Instant instant(Instant wallNow, long now, long at) {
		return (at != NEVER) ? wallNow.minusNanos(now - at) : null;
	}

	private static Duration age(long now, long at) {
		return (at != NEVER) ? Duration.ofNanos(now - at) : null;
	}

}
