package io.github.discordgateway.session;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * The heartbeat of one connection. The first beat goes out after {@code interval * jitter} (jitter uniform in
 * [0, 1): many clients reconnecting at once must not beat together), then one every interval. If a beat falls
 * due before the previous one was acknowledged, the connection is a zombie: the owner is told and this
 * heartbeat stops.
 * <p>
 * The next beat is always timed from when the last one actually went out (a beat the gateway asked for with op 1
 * included), so every beat has a whole interval to be acknowledged: a timer that stalled (a GC pause, a busy
 * machine) never fires the missed beats back to back, and neither it nor an op 1 just before a tick makes a
 * live connection look like a zombie. Each connection gets its own instance (fresh Hello, fresh interval, fresh jitter), and
 * {@link #stop()} ends it for good, so a timer never outlives its socket.
 */
final class Heartbeater {

	/** What the heartbeat does. */
	interface Beats {

		/** Send one heartbeat now. */
		void sendHeartbeat();

		/** No ACK arrived between two beats. */
		void zombie();

		/** A beat was acknowledged after this round trip. */
		void acknowledged(Duration latency);

	}

	private final Scheduler scheduler;

	private final long intervalNanos;

	private final Beats beats;

	private final BooleanSupplier ackMayBeUnread;

	private Scheduler.Cancellable next = Scheduler.Cancellable.NONE;

	private long sentAt;

	private long dueAt;

	private boolean awaitingAck;

	private boolean stopped;

	/**
	 * @param scheduler time and timers
	 * @param interval the interval from Hello
	 * @param beats what to do
	 * @param ackMayBeUnread whether the socket reader paused since it was last asked (asked at every due beat),
	 * in which case a missing ACK proves nothing
	 */
	Heartbeater(Scheduler scheduler, Duration interval, Beats beats, BooleanSupplier ackMayBeUnread) {
		this.scheduler = scheduler;
		this.intervalNanos = interval.toNanos();
		this.beats = beats;
		this.ackMayBeUnread = ackMayBeUnread;
	}

	synchronized void start(DoubleSupplier jitter) {
		long firstDelay = (long) (this.intervalNanos * jitter.getAsDouble());
		this.dueAt = this.scheduler.nanoTime() + firstDelay;
		this.next = this.scheduler.schedule(this::tick, Duration.ofNanos(firstDelay));
	}

	/**
	 * Beats now, at the gateway's request (op 1); the next regular beat follows one interval later.
	 */
	void beatNow() {
		synchronized (this) {
			if (this.stopped) {
				return;
			}
			markSent();
			scheduleNext();
		}
		this.beats.sendHeartbeat();
	}

	/**
	 * An ACK arrived.
	 */
	void acknowledge() {
		long latency;
		synchronized (this) {
			if (!this.awaitingAck) {
				return;
			}
			this.awaitingAck = false;
			latency = this.scheduler.nanoTime() - this.sentAt;
		}
		this.beats.acknowledged(Duration.ofNanos(latency));
	}

	synchronized void stop() {
		this.stopped = true;
		this.next.cancel();
	}

	// Callbacks run outside the lock: the owner takes its own lock in them, and calls in here under it.
	private void tick() {
		boolean zombie;
		synchronized (this) {
			if (this.stopped) {
				return;
			}
			boolean readerPaused = this.ackMayBeUnread.getAsBoolean();
			// A tick this late means the process stalled: the ACK may be read right behind it.
			boolean stalled = this.scheduler.nanoTime() - this.dueAt > this.intervalNanos / 2;
			zombie = this.awaitingAck && !readerPaused && !stalled;
			if (zombie) {
				this.stopped = true;
			}
			else {
				markSent();
				scheduleNext();
			}
		}
		if (zombie) {
			this.beats.zombie();
		}
		else {
			this.beats.sendHeartbeat();
		}
	}

	private void scheduleNext() {
		this.next.cancel();
		this.dueAt = this.scheduler.nanoTime() + this.intervalNanos;
		this.next = this.scheduler.schedule(this::tick, Duration.ofNanos(this.intervalNanos));
	}

	private void markSent() {
		this.sentAt = this.scheduler.nanoTime();
		this.awaitingAck = true;
	}

}
