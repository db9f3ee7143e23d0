package io.github.discordgateway.event;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.discordgateway.protocol.GatewayMessage;

/**
 * A shard's delivery of dispatches to the listener: a queue bounded by count and by bytes, and one thread that
 * empties it in order.
 * <p>
 * The socket reader only enqueues, so a slow listener never delays heartbeats or the reading of ACKs. When the
 * queue is full (by count, or by the bytes of the events' data) the reader waits for room (back-pressure) rather
 * than drop an event: nothing is lost, the gateway's own buffering absorbs the pause, and
 * {@link #readerPausedSinceLastAsked()} lets zombie detection ignore ACKs that sit unread meanwhile. A paused
 * reader resumes once the listener has caught up to half the capacity, not at the first free slot: under a
 * sustained flood the two threads then wake each other once per half a queue rather than once per event, and the
 * pause is logged once a minute at most. An event larger than the byte bound on its own is taken once the queue is
 * empty, so it cannot block the reader for good. A listener that throws is logged with the event's name and
 * sequence; delivery goes on.
 * <p>
 * {@link #delivering()} tells which event the listener is busy with and since when, so that a listener stuck on
 * one can be found without running any of its code.
 */
public final class DispatchQueue {

	/** The bytes of event data that may wait for the listener unless configured: 64 MB. */
	public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(DispatchQueue.class);

	private static final long PAUSE_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition notEmpty = this.lock.newCondition();

	private final Condition notFull = this.lock.newCondition();

	private final Condition idle = this.lock.newCondition();

	private final Deque<Queued> queue = new ArrayDeque<>();

	private final int capacity;

	private final long maxBytes;

	/** A paused reader resumes once no more than this many events wait. */
	private final int resumeDepth;

	/** When the reader's pause was last logged, and how many pauses since then went unlogged; reader thread only. */
	private long pauseLoggedAt;

	private long pausesNotLogged;

	private final DispatchListener listener;

	private final LongSupplier nanoClock;

	private final String threadName;

	/** The bytes of the queued events' data; guarded by the lock. */
	private long queuedBytes;

	/** The event the listener is busy with, or {@code null}; guarded by the lock. */
	private Delivery delivering;

	private final ThreadFactory threads;

	private final DeliveryObserver deliveryObserver;

	/** The one thread allowed to deliver; {@code null} while stopped. */
	private volatile Thread deliverer;

	/**
	 * Held from taking an event until it is delivered, so that a replaced thread can never overtake its successor.
	 * A lock rather than a monitor: a virtual delivery thread waiting under a monitor would pin its carrier.
	 */
	private final ReentrantLock deliveryLock = new ReentrantLock();

	private volatile boolean blockingReader;

	private volatile boolean pausedSinceAsked;

	private volatile boolean accepting = true;

	private final AtomicLong accepted = new AtomicLong();

	private volatile Delivered lastDelivered = new Delivered(0, GatewayMessage.NO_SEQUENCE);

	/**
	 * How far delivery got: what a saved session may claim as handled.
	 *
	 * @param position how many events the listener has finished with (see {@link #accepted()})
	 * @param sequence the sequence of the last of them that had one, or {@link GatewayMessage#NO_SEQUENCE}
	 */
	public record Delivered(long position, long sequence) {
	}

	/**
	 * A queue bounded by count and by {@link #DEFAULT_MAX_BYTES}, on the system's clock.
	 * @param shardId the shard, for the thread's name
	 * @param capacity how many events may wait before the reader is made to wait
	 * @param listener where events go
	 */
	public DispatchQueue(int shardId, int capacity, DispatchListener listener) {
		this(shardId, capacity, DEFAULT_MAX_BYTES, listener, System::nanoTime);
	}

	/**
	 * A queue delivering on a platform thread of its own.
	 * @param shardId the shard, for the thread's name
	 * @param capacity how many events may wait before the reader is made to wait
	 * @param maxBytes how many bytes of event data may wait before the reader is made to wait
	 * @param listener where events go
	 * @param nanoClock the clock {@link #delivering()} tells the start of a delivery by (the client's scheduler's)
	 */
	public DispatchQueue(int shardId, int capacity, long maxBytes, DispatchListener listener, LongSupplier nanoClock) {
		this(shardId, capacity, maxBytes, listener, nanoClock, Thread::new, DeliveryObserver.NONE);
	}

	/**
	 * @param shardId the shard, for the thread's name
	 * @param capacity how many events may wait before the reader is made to wait
	 * @param maxBytes how many bytes of event data may wait before the reader is made to wait
	 * @param listener where events go
	 * @param nanoClock the clock {@link #delivering()} tells the start of a delivery by (the client's scheduler's)
	 * @param threads makes the delivery thread (virtual threads keep hundreds of shards cheap)
	 * @param deliveryObserver hears of each event the listener is done with, on the delivery thread
	 */
	public DispatchQueue(int shardId, int capacity, long maxBytes, DispatchListener listener, LongSupplier nanoClock,
			ThreadFactory threads, DeliveryObserver deliveryObserver) {
		this.capacity = capacity;
		this.deliveryObserver = deliveryObserver;
		this.maxBytes = maxBytes;
		this.resumeDepth = capacity / 2;
		this.listener = listener;
		this.nanoClock = nanoClock;
		this.threadName = "discord-gateway-events-" + shardId;
		this.threads = threads;
		start();
	}

	/**
	 * Takes events again after {@link #stop} (the shard restarts and resumes), on a new delivery thread. Events
	 * left undelivered by a stop that timed out are delivered first. Does nothing while running.
	 */
	public synchronized void start() {
		this.accepting = true;
		if (this.deliverer == null) {
			Thread thread = this.threads.newThread(this::deliverLoop);
			thread.setName(this.threadName);
			thread.setDaemon(true);
			this.deliverer = thread;
			thread.start();
		}
	}

	/**
	 * Queues an event; waits while the queue is full. An interrupt while waiting leaves nothing queued nor
	 * counted.
	 * @return {@code false} if the queue no longer accepts events (it is stopping)
	 * @throws InterruptedException if interrupted while waiting for room
	 */
	public boolean enqueue(DispatchEvent event) throws InterruptedException {
		long size = event.dataSize();
		this.lock.lockInterruptibly();
		try {
			if (!this.accepting) {
				return false;
			}
			if (!hasRoomFor(size)) {
				awaitRoom(event, size);
				if (!this.accepting) {
					return false;
				}
			}
			this.queue.add(new Queued(event, this.nanoClock.getAsLong()));
			this.accepted.incrementAndGet();
			this.queuedBytes += size;
			this.notEmpty.signal();
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void awaitRoom(DispatchEvent event, long size) throws InterruptedException {
		this.blockingReader = true;
		this.pausedSinceAsked = true;
		logPause(event.getShardId());
		try {
			// Until the listener has caught up to half the capacity: one wake-up per half a queue, not per event.
			while (this.accepting && !(hasRoomFor(size) && this.queue.size() <= this.resumeDepth)) {
				this.notFull.await();
			}
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
		logger.warn("Listeners of shard {} are {} events ({} bytes) behind; pausing the socket reader until they "
				+ "catch up{}", shardId, this.queue.size(), this.queuedBytes,
				(this.pausesNotLogged > 0) ? " (" + this.pausesNotLogged + " more pauses in the last minute)" : "");
		this.pauseLoggedAt = now;
		this.pausesNotLogged = 0;
	}

	private boolean hasRoomFor(long size) {
		return this.queue.isEmpty() || (this.queue.size() < this.capacity && this.queuedBytes + size <= this.maxBytes);
	}

	/**
	 * How many events wait for delivery.
	 */
	public int depth() {
		this.lock.lock();
		try {
			return this.queue.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * How many bytes of event data wait for delivery.
	 */
	public long depthBytes() {
		this.lock.lock();
		try {
			return this.queuedBytes;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The event the listener is busy with now, or {@code null} when it is idle.
	 */
	public Delivery delivering() {
		this.lock.lock();
		try {
			return this.delivering;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * How many events the queue has accepted since it was made: the position of the last one.
	 */
	public long accepted() {
		return this.accepted.get();
	}

	/**
	 * The last event whose listener finished (returned or threw), by position and sequence.
	 */
	public Delivered lastDelivered() {
		return this.lastDelivered;
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
			thread = this.deliverer;
			this.lock.lock();
			try {
				this.accepting = false;
				this.notFull.signalAll();
			}
			finally {
				this.lock.unlock();
			}
		}
		boolean delivered = (thread != null) ? awaitIdle(timeout) : isIdle();
		if (thread == null) {
			return delivered;
		}
		synchronized (this) {
			if (this.deliverer == thread) {
				this.deliverer = null;
			}
		}
		thread.interrupt();
		return delivered;
	}

	private boolean awaitIdle(Duration timeout) throws InterruptedException {
		long left = timeout.toNanos();
		this.lock.lock();
		try {
			while (!isIdle()) {
				if (left <= 0) {
					logger.warn("Stopped with {} events undelivered after {}",
							this.queue.size() + ((this.delivering != null) ? 1 : 0), timeout);
					return false;
				}
				left = this.idle.awaitNanos(left);
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean isIdle() {
		this.lock.lock();
		try {
			return this.queue.isEmpty() && this.delivering == null;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void deliverLoop() {
		Thread self = Thread.currentThread();
		try {
			// Waits a bounded time rather than for good: a thread whose interrupt a listener swallowed still sees it
			// was replaced (stop() interrupts the wait itself; the period bounds only that rare case, and idle
			// wake-ups).
			while (this.deliverer == self) {
				this.deliveryLock.lockInterruptibly();
				try {
					Queued queued = (this.deliverer == self) ? take(self) : null;
					if (queued != null) {
						deliver(queued);
					}
				}
				finally {
					this.deliveryLock.unlock();
				}
			}
		}
		catch (InterruptedException ex) {
			// stop() interrupts once the queue is empty or its deadline passed
		}
	}

	private Queued take(Thread self) throws InterruptedException {
		this.lock.lockInterruptibly();
		try {
			if (this.queue.isEmpty()) {
				this.notEmpty.await(1, TimeUnit.SECONDS);
			}
			Queued queued = this.queue.poll();
			if (queued != null) {
				this.queuedBytes -= queued.event().dataSize();
				this.delivering = new Delivery(queued.event(), this.nanoClock.getAsLong(), self);
				if (this.blockingReader && this.queue.size() <= this.resumeDepth) {
					this.notFull.signalAll();
				}
			}
			return queued;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void deliver(Queued queued) {
		DispatchEvent event = queued.event();
		Throwable failure = null;
		try {
			this.listener.onDispatch(event);
		}
		catch (Throwable ex) {
			failure = ex;
			logger.error("A listener failed on {} (sequence {}, shard {}); delivery goes on", event.getName(),
					event.getSequence(), event.getShardId(), ex);
		}
		finally {
			Delivered previous = this.lastDelivered;
			long sequence = (event.getSequence() != GatewayMessage.NO_SEQUENCE) ? event.getSequence()
					: previous.sequence();
			this.lastDelivered = new Delivered(previous.position() + 1, sequence);
			this.lock.lock();
			try {
				this.delivering = null;
				this.idle.signalAll();
			}
			finally {
				this.lock.unlock();
			}
		}
		try {
			this.deliveryObserver.delivered(event,
					Duration.ofNanos(this.nanoClock.getAsLong() - queued.queuedAt()), failure);
		}
		catch (RuntimeException ex) {
			logger.warn("A delivery observer failed on {} (sequence {}, shard {})", event.getName(),
					event.getSequence(), event.getShardId(), ex);
		}
	}

	/**
	 * Hears of each event the listener is done with, on the delivery thread (so it must not block).
	 */
	@FunctionalInterface
	public interface DeliveryObserver {

		/** Hears nothing. */
		DeliveryObserver NONE = (event, lag, failure) -> {
		};

		/**
		 * @param event the event
		 * @param lag from when the event was queued to when the listener returned
		 * @param failure what the listener threw, or {@code null}
		 */
		void delivered(DispatchEvent event, Duration lag, Throwable failure);

	}

	/** A queued event and when it was queued, on the queue's clock. */
	private record Queued(DispatchEvent event, long queuedAt) {
	}

	/**
	 * An event the listener is busy with.
	 *
	 * @param event the event
	 * @param startedAt when the listener got it, on the queue's clock ({@link System#nanoTime()} unless given)
	 * @param thread the delivery thread, whose stack tells where the listener is
	 */
	public record Delivery(DispatchEvent event, long startedAt, Thread thread) {
	}

}
