package io.github.discordgateway.transport.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Keeps one gateway connection under Discord's send limits: 120 payloads per 60 s, heartbeats
 * included (more gets the connection closed with 4008), and at most 5 presence updates per 20 s.
 * <p>
 * Policy (after twilight's): a sliding window of 60 s over the send times. Part of the 120 is
 * reserved for heartbeats, {@code ceil(60 s / heartbeat_interval) + 1} slots, which covers every
 * regular beat in any 60 s plus one beat the server asks for with op 1. Heartbeats are never
 * delayed: the heartbeat task sends and then calls {@link #recordHeartbeat()}. Commands (Identify,
 * Resume, presence, voice state, member requests, ...) share the rest: a command may go when the
 * commands sent in the last 60 s plus the larger of the reserve and the heartbeats actually sent
 * in the last 60 s stay under 120. So the total stays within 120 however the heartbeats fall, and
 * if the server asks for extra heartbeats the commands give way.
 * <p>
 * Before Hello the interval is unknown and a reserve of {@value #DEFAULT_HEARTBEAT_RESERVE} is
 * assumed; {@link #setHeartbeatInterval} replaces it.
 * <p>
 * There is no priority among commands: the caller keeps its commands in one queue and puts
 * Identify or Resume first. A new limiter is made for every connection (the limit is per
 * connection), Identify/Resume is the first command on it, and user commands wait for
 * READY/RESUMED, so Identify/Resume always finds the window empty.
 * <p>
 * Thread-safe: the heartbeat task and the command sender may call it from different threads.
 * Time comes from the injected {@code nanoTime} source.
 */
public final class GatewayRateLimiter {

	/** Payloads a connection may send per {@link #WINDOW}, heartbeats included. */
	public static final int PAYLOADS_PER_WINDOW = 120;

	/** The length of the send window. */
	public static final Duration WINDOW = Duration.ofSeconds(60);

	/** Presence updates (op 3) a connection may send per {@link #PRESENCE_WINDOW}. */
	public static final int PRESENCE_UPDATES_PER_WINDOW = 5;

	/** The length of the presence update window. */
	public static final Duration PRESENCE_WINDOW = Duration.ofSeconds(20);

	/**
	 * What the presence window is kept longer by: Discord counts when updates arrive, and the sixth sent exactly
	 * one window after the first can arrive inside Discord's window if the first travelled slower (4008).
	 */
	public static final Duration PRESENCE_MARGIN = Duration.ofSeconds(1);

	/** The heartbeat reserve before Hello: generous, as the interval Discord sends (41.25 s) needs 3. */
	public static final int DEFAULT_HEARTBEAT_RESERVE = 10;

	private final LongSupplier nanoTime;

	private final SlidingWindowLog commands = new SlidingWindowLog(PAYLOADS_PER_WINDOW, WINDOW.toNanos());

	private final SlidingWindowLog heartbeats = new SlidingWindowLog(PAYLOADS_PER_WINDOW, WINDOW.toNanos());

	private final SlidingWindowLog presenceUpdates = new SlidingWindowLog(PRESENCE_UPDATES_PER_WINDOW,
			PRESENCE_WINDOW.plus(PRESENCE_MARGIN).toNanos());

	private int heartbeatReserve = DEFAULT_HEARTBEAT_RESERVE;

	/** Creates a limiter on {@link System#nanoTime()}. */
	public GatewayRateLimiter() {
		this(System::nanoTime);
	}

	/**
	 * @param nanoTime the time source, in nanoseconds with an arbitrary origin (like
	 * {@link System#nanoTime()})
	 */
	public GatewayRateLimiter(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	/**
	 * Sizes the heartbeat reserve from Hello's {@code heartbeat_interval}:
	 * {@code ceil(60 s / interval) + 1}, at most 119 so one command slot is always left.
	 * @param heartbeatInterval the interval from Hello, positive
	 */
	public synchronized void setHeartbeatInterval(Duration heartbeatInterval) {
		long intervalNanos = heartbeatInterval.toNanos();
		if (intervalNanos <= 0) {
			throw new IllegalArgumentException("heartbeatInterval must be positive, was " + heartbeatInterval);
		}
		long beatsPerWindow = -Math.floorDiv(-WINDOW.toNanos(), intervalNanos);
		this.heartbeatReserve = (int) Math.min(PAYLOADS_PER_WINDOW - 1, beatsPerWindow + 1);
	}

	/** @return the slots of the 60 s window kept for heartbeats */
	public synchronized int heartbeatReserve() {
		return this.heartbeatReserve;
	}

	/**
	 * Records a heartbeat that was sent (op 1, timer or server-requested). Always allowed.
	 */
	public synchronized void recordHeartbeat() {
		this.heartbeats.record(this.nanoTime.getAsLong());
	}

	/**
	 * Takes a send slot for one command if one is free now.
	 * @return {@code true} if the command may be sent now (the slot is taken), {@code false} if
	 * it must wait (see {@link #nanosUntilCommandPermitted()})
	 */
	public synchronized boolean tryAcquireCommand() {
		long now = this.nanoTime.getAsLong();
		if (commandWait(now) > 0) {
			return false;
		}
		this.commands.record(now);
		return true;
	}

	/**
	 * @return 0 if a command may be sent now; otherwise how long to wait before
	 * {@link #tryAcquireCommand()} succeeds, provided no heartbeats beyond the reserve are sent
	 * meanwhile (if heartbeats alone fill the window, the time until the oldest of them expires;
	 * ask again then)
	 */
	public synchronized long nanosUntilCommandPermitted() {
		return commandWait(this.nanoTime.getAsLong());
	}

	/**
	 * Takes a slot for one presence update (op 3), which needs both a presence slot and a command
	 * slot, if both are free now.
	 * @return {@code true} if the update may be sent now (both slots are taken)
	 */
	public synchronized boolean tryAcquirePresenceUpdate() {
		long now = this.nanoTime.getAsLong();
		if (presenceWait(now) > 0) {
			return false;
		}
		this.presenceUpdates.record(now);
		this.commands.record(now);
		return true;
	}

	/**
	 * @return 0 if a presence update may be sent now; otherwise how long to wait, with the same
	 * proviso as {@link #nanosUntilCommandPermitted()}
	 */
	public synchronized long nanosUntilPresenceUpdatePermitted() {
		return presenceWait(this.nanoTime.getAsLong());
	}

	private long presenceWait(long now) {
		long presence = this.presenceUpdates.nanosUntilAtMost(PRESENCE_UPDATES_PER_WINDOW - 1, now);
		return Math.max(presence, commandWait(now));
	}

	private long commandWait(long now) {
		int heartbeatsSent = this.heartbeats.count(now);
		int commandLimit = PAYLOADS_PER_WINDOW - Math.max(this.heartbeatReserve, heartbeatsSent);
		if (commandLimit <= 0) {
			return this.heartbeats.nanosUntilAtMost(heartbeatsSent - 1, now);
		}
		return this.commands.nanosUntilAtMost(commandLimit - 1, now);
	}

}
