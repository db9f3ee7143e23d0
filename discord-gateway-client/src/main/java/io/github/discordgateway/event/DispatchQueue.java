package io.github.discordgateway.event;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shard's delivery of dispatches to the listener: a bounded queue and one thread that empties it in order.
 * <p>
 * The socket reader only enqueues, so a slow listener never delays heartbeats or the reading of ACKs. When the
 * queue is full the reader waits for room (back-pressure) rather than drop an event: nothing is lost, the
 * gateway's own buffering absorbs the pause, and {@link #readerPausedSinceLastAsked()} lets zombie detection
 * ignore ACKs that sit unread meanwhile. A paused reader resumes once the listener has caught up to half the
 * capacity, not at the first free slot: under a sustained flood the two threads then wake each other once per
 * half a queue rather than once per event, and the pause is logged once a minute at most. A listener that throws
 * is logged with the event's name and sequence; delivery goes on.
 */
public final class DispatchQueue {

	private static final Logger logger = LoggerFactory.getLogger(DispatchQueue.class);

	private static final long PAUSE_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

	private final BlockingQueue<DispatchEvent> queue;

	/** A paused reader resumes once no more than this many events wait. */
	private final int resumeDepth;

	/** Where a paused reader waits for the listener to catch up. */
	private final Object caughtUp = new Object();

	/** When the reader's pause was last logged, and how many pauses since then went unlogged; reader thread only. */
	private long pauseLoggedAt;

	private long pausesNotLogged;

	private final DispatchListener listener;

	private final String threadName;

	/** The one thread allowed to deliver; {@code null} while stopped. */
	private volatile Thread deliverer;

	/** Held from taking an event until it is delivered, so that a replaced thread can never overtake its successor. */
	private final Object deliveryLock = new Object();

	private volatile boolean blockingReader;

	private volatile boolean pausedSinceAsked;

	private volatile boolean accepting = true;

	private final AtomicInteger undelivered = new AtomicInteger();

	/**
	 * @param shardId the shard, for the thread's name
	 * @param capacity how many events may wait before the reader is made to wait
	 * @param listener where events go
	 */
	public DispatchQueue(int shardId, int capacity, DispatchListener listener) {
		this.queue = new LinkedBlockingQueue<>(capacity);
		this.resumeDepth = capacity / 2;
		this.listener = listener;
		this.threadName = "discord-gateway-events-" + shardId;
		start();
	}

	/**
	 * Takes events again after {@link #stop} (the shard restarts and resumes), on a new delivery thread. Events
	 * left undelivered by a stop that timed out are delivered first. Does nothing while running.
	 */
	public synchronized void start() {
		this.accepting = true;
		if (this.deliverer == null) {
			Thread thread = new Thread(this::deliverLoop, this.threadName);
			thread.setDaemon(true);
			this.deliverer = thread;
			thread.start();
		}
	}

	/**
	 * Queues an event; waits while the queue is full.
	 * @return {@code false} if the queue no longer accepts events (it is stopping)
	 */
	public boolean enqueue(DispatchEvent event) throws InterruptedException {
		if (!this.accepting) {
			return false;
		}
		this.undelivered.incrementAndGet();
		if (this.queue.offer(event)) {
			return true;
		}
		this.blockingReader = true;
		this.pausedSinceAsked = true;
		try {
			logPause(event.getShardId());
			while (this.accepting) {
				synchronized (this.caughtUp) {
					if (this.queue.size() > this.resumeDepth) {
						// Bounded, so that a stop is noticed; the listener's thread wakes it sooner.
						this.caughtUp.wait(100);
					}
				}
				if (this.queue.size() <= this.resumeDepth && this.queue.offer(event)) {
					return true;
				}
			}
			this.undelivered.decrementAndGet();
			return false;
		}
		finally {
			this.blockingReader = false;
		}
	}

	private void logPause(int shardId) {
		long now = System.nanoTime();
		if (this.pauseLoggedAt != 0 && now - this.pauseLoggedAt < PAUSE_LOG_INTERVAL_NANOS) {
			this.pausesNotLogged++;
			return;
		}
		logger.warn("Listeners of shard {} are {} events behind; pausing the socket reader until they catch up{}",
				shardId, this.queue.size(),
				(this.pausesNotLogged > 0) ? " (" + this.pausesNotLogged + " more pauses in the last minute)" : "");
		this.pauseLoggedAt = now;
		this.pausesNotLogged = 0;
	}

	/**
	 * How many events wait for delivery.
	 */
	public int depth() {
		return this.queue.size();
	}

	/**
	 * Whether the socket reader is waiting for room in the queue.
	 */
	public boolean isBlockingReader() {
		return this.blockingReader;
	}

	/**
	 * Whether the socket reader is paused now or was at any time since the last call: an ACK may then still sit
	 * unread behind the dispatches it was waiting to queue. Meant for one caller, the heartbeat.
	 */
	public boolean readerPausedSinceLastAsked() {
		boolean paused = this.blockingReader || this.pausedSinceAsked;
		this.pausedSinceAsked = false;
		return paused;
	}

	/**
	 * Stops taking events and lets the listener finish the queued ones, up to a deadline.
	 * @return {@code true} if every queued event was delivered in time
	 */
	public boolean stop(Duration timeout) throws InterruptedException {
		Thread thread;
		synchronized (this) {
			this.accepting = false;
			thread = this.deliverer;
		}
		if (thread == null) {
			return this.undelivered.get() == 0;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		boolean delivered = true;
		while (this.undelivered.get() > 0) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				logger.warn("Stopped with {} events undelivered after {}", this.queue.size(), timeout);
				delivered = false;
				break;
			}
			thread.join(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 20)));
		}
		synchronized (this) {
			if (this.deliverer == thread) {
				this.deliverer = null;
			}
		}
		thread.interrupt();
		return delivered;
	}

	private void deliverLoop() {
		Thread self = Thread.currentThread();
		try {
			// Polls rather than takes: a thread whose interrupt a listener swallowed still sees it was replaced
			// (stop() interrupts the wait itself; the period bounds only that rare case, and idle wake-ups).
			while (this.deliverer == self) {
				synchronized (this.deliveryLock) {
					DispatchEvent event = (this.deliverer == self) ? this.queue.poll(1, TimeUnit.SECONDS) : null;
					if (event != null) {
						deliver(event);
					}
				}
			}
		}
		catch (InterruptedException ex) {
			// stop() interrupts once the queue is empty or its deadline passed
		}
	}

	private void deliver(DispatchEvent event) {
		if (this.blockingReader && this.queue.size() <= this.resumeDepth) {
			synchronized (this.caughtUp) {
				this.caughtUp.notifyAll();
			}
		}
		try {
			this.listener.onDispatch(event);
		}
		catch (Throwable ex) {
			logger.error("A listener failed on {} (sequence {}, shard {}); delivery goes on", event.getName(),
					event.getSequence(), event.getShardId(), ex);
		}
		finally {
			this.undelivered.decrementAndGet();
		}
	}

}
