package io.github.discordgateway.event;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.discordgateway.protocol.GatewayMessage;

/**
 * A shard's delivery of dispatches to the listener: a queue bounded by count and by bytes, emptied in order by one
 * drain at a time on the client's {@link DeliveryExecutor}, so that a shard holds no thread of its own.
 * <p>
 * The socket reader only enqueues, so a slow listener never delays heartbeats or the reading of ACKs. An event
 * that finds no drain running or scheduled schedules one; a drain delivers in order, and after {@link #BATCH}
 * events hands its thread back to the executor behind the other shards' drains and continues in a new drain, so a
 * flooded shard cannot starve the others. There is never more than one drain per queue, so order holds, and a
 * drain left running by a {@link #stop} that timed out (a stuck listener) is the one that carries on after a
 * {@link #start}: nothing overtakes it.
 * <p>
 * When the queue is full (by count, or by the bytes of the events' data) the reader waits for room (back-pressure)
 * rather than drop an event: nothing is lost, the gateway's own buffering absorbs the pause, and
 * {@link #readerPausedSinceLastAsked()} lets zombie detection ignore ACKs that sit unread meanwhile. A paused
 * reader resumes once the listener has caught up to half the capacity, not at the first free slot: under a
 * sustained flood the two threads then wake each other once per half a queue rather than once per event, and the
 * pause is logged once a minute at most. An event larger than the byte bound on its own is taken once the queue is
 * empty, so it cannot block the reader for good. A listener that throws is logged with the event's name and
 * sequence; delivery goes on.
 * <p>
 * {@link #delivering()} tells which event the listener is busy with, since when and on which thread, so that a
 * listener stuck on one can be found without running any of its code.
 */
public final class DispatchQueue {

	/**
	 * The events that may wait for the listener unless configured: 1,000, seconds of a busy shard's traffic. A
	 * full queue is live data that every young collection copies, so a larger one costs CPU and memory under a
	 * backlog (measured: ten times as many events, 2.7 times the GC pause time and 1.7 times the RSS after a
	 * flood), while a smaller one loses nothing: the reader pauses instead.
	 */
	public static final int DEFAULT_CAPACITY = 1_000;

	/** The bytes of event data that may wait for the listener unless configured: 64 MB. */
	public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

	/** The most events a drain delivers before it gives its thread to the other shards' drains. */
	public static final int BATCH = 256;

	/**
	 * How long a drain that emptied the queue waits for the next event before it gives its thread back, unless
	 * other shards' drains wait for one: a shard receiving a stream of events keeps its drain, and its reader hands
	 * each event over as cheaply as to a thread of its own, rather than through the executor.
	 */
	static final Duration LINGER = Duration.ofMillis(1);

	private static final Logger logger = LoggerFactory.getLogger(DispatchQueue.class);

	private static final long PAUSE_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

	/**
	 * Guards the queue and the delivery state. A lock rather than a monitor: a virtual thread waiting under a
	 * monitor would pin its carrier.
	 */
	private final ReentrantLock lock = new ReentrantLock();

	private final Condition notEmpty = this.lock.newCondition();

	private final Condition notFull = this.lock.newCondition();

	private final Condition idle = this.lock.newCondition();

	private final Deque<Queued> queue = new ArrayDeque<>();

	private final int shardId;

	private final int capacity;

	private final long maxBytes;

	/** A paused reader resumes once no more than this many events wait. */
	private final int resumeDepth;

	/** When the reader's pause was last logged, and how many pauses since then went unlogged; reader thread only. */
	private long pauseLoggedAt;

	private long pausesNotLogged;

	private final DispatchListener listener;

	private final LongSupplier nanoClock;

	private final DeliveryExecutor executor;

	private final Runnable drain = this::drain;

	private final DeliveryObserver deliveryObserver;

	/** The bytes of the queued events' data; guarded by the lock. */
	private long queuedBytes;

	/** The event the listener is busy with, or {@code null}; guarded by the lock. */
	private Delivery delivering;

	/** Whether new events are taken; guarded by the lock. */
	private boolean accepting;

	/** Whether queued events are delivered (started, and not stopped since); guarded by the lock. */
	private boolean running;

	/** Whether a drain is scheduled or running: there is never more than one; guarded by the lock. */
	private boolean drainScheduled;

	/** Whether the drain waits for the next event (see {@link #LINGER}); guarded by the lock. */
	private boolean lingering;

	/** How many times the queue was started, so that a stop does not undo a start made while it waited. */
	private long starts;

	private volatile boolean blockingReader;

	private volatile boolean pausedSinceAsked;

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
	 * A queue bounded by count and by {@link #DEFAULT_MAX_BYTES}, on the system's clock, delivering on a thread of
	 * its own that ends when idle.
	 * @param shardId the shard, for the log
	 * @param capacity how many events may wait before the reader is made to wait
	 * @param listener where events go
	 */
	public DispatchQueue(int shardId, int capacity, DispatchListener listener) {
		this(shardId, capacity, DEFAULT_MAX_BYTES, listener, System::nanoTime);
	}

	/**
	 * A queue delivering on a thread of its own that ends when idle.
	 * @param shardId the shard, for the log
	 * @param capacity how many events may wait before the reader is made to wait
	 * @param maxBytes how many bytes of event data may wait before the reader is made to wait
	 * @param listener where events go
	 * @param nanoClock the clock {@link #delivering()} tells the start of a delivery by (the client's scheduler's)
	 */
	public DispatchQueue(int shardId, int capacity, long maxBytes, DispatchListener listener, LongSupplier nanoClock) {
		this(shardId, capacity, maxBytes, listener, nanoClock, DeliveryExecutor.pool(1), DeliveryObserver.NONE);
	}

	/**
	 * @param shardId the shard, for the log
	 * @param capacity how many events may wait before the reader is made to wait
	 * @param maxBytes how many bytes of event data may wait before the reader is made to wait
	 * @param listener where events go
	 * @param nanoClock the clock {@link #delivering()} tells the start of a delivery by (the client's scheduler's)
	 * @param executor runs the drains (the client's, shared by its shards)
	 * @param deliveryObserver hears of each event the listener is done with, on the delivery thread
	 */
	public DispatchQueue(int shardId, int capacity, long maxBytes, DispatchListener listener, LongSupplier nanoClock,
			DeliveryExecutor executor, DeliveryObserver deliveryObserver) {
		this.shardId = shardId;
		this.capacity = capacity;
		this.deliveryObserver = deliveryObserver;
		this.maxBytes = maxBytes;
		this.resumeDepth = capacity / 2;
		this.listener = listener;
		this.nanoClock = nanoClock;
		this.executor = executor;
		start();
	}

	/**
	 * Takes events again after {@link #stop} (the shard restarts and resumes). Events left undelivered by a stop
	 * that timed out are delivered first. Does nothing while running.
	 */
	public void start() {
		boolean schedule;
		this.lock.lock();
		try {
			this.accepting = true;
			this.running = true;
			this.starts++;
			schedule = !this.queue.isEmpty() && claimDrain();
		}
		finally {
			this.lock.unlock();
		}
		if (schedule) {
			scheduleDrain();
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
		boolean schedule;
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
			if (this.lingering) {
				this.notEmpty.signal();
			}
			schedule = claimDrain();
		}
		finally {
			this.lock.unlock();
		}
		if (schedule) {
			scheduleDrain();
		}
		return true;
	}

	/**
	 * Whether the caller is to schedule a drain: the queue runs and none is scheduled. Under the lock.
	 */
	private boolean claimDrain() {
		if (!this.running || this.drainScheduled) {
			return false;
		}
		this.drainScheduled = true;
		return true;
	}

	private void scheduleDrain() {
		try {
			this.executor.execute(this.drain);
		}
		catch (RejectedExecutionException ex) {
			int waiting;
			this.lock.lock();
			try {
				this.drainScheduled = false;
				waiting = this.queue.size();
			}
			finally {
				this.lock.unlock();
			}
			logger.warn("The delivery executor is shut down; {} events of shard {} wait for a restart", waiting,
					this.shardId);
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
	 * Stops taking events and lets the listener finish the queued ones, up to a deadline. Past it, the events left
	 * wait for {@link #start} and a listener still busy is interrupted.
	 * @return {@code true} if every queued event was delivered in time
	 */
	public boolean stop(Duration timeout) throws InterruptedException {
		this.lock.lock();
		try {
			this.accepting = false;
			this.notFull.signalAll();
			long startsBefore = this.starts;
			boolean delivered = this.running ? awaitIdle(timeout) : isIdle();
			if (this.starts == startsBefore) {
				this.running = false;
				this.notEmpty.signal();
				if (!delivered && this.delivering != null) {
					// Still inside the listener: the drain clears delivering under this lock before it leaves.
					this.delivering.thread().interrupt();
				}
			}
			return delivered;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Under the lock. */
	private boolean awaitIdle(Duration timeout) throws InterruptedException {
		long left = timeout.toNanos();
		while (!isIdle()) {
			if (left <= 0) {
				logger.warn("Shard {} stopped with {} events undelivered after {}", this.shardId,
						this.queue.size() + ((this.delivering != null) ? 1 : 0), timeout);
				return false;
			}
			left = this.idle.awaitNanos(left);
		}
		return true;
	}

	/** Under the lock. */
	private boolean isIdle() {
		return this.queue.isEmpty() && this.delivering == null;
	}

	/**
	 * Delivers queued events in order until the queue is empty (and stays so for {@link #LINGER}) or stopped, or,
	 * after {@link #BATCH} of them, schedules its own continuation behind what else waits for the executor.
	 */
	private void drain() {
		Thread self = Thread.currentThread();
		for (int delivered = 0; delivered < BATCH; delivered++) {
			Queued queued;
			this.lock.lock();
			try {
				if (this.running && this.queue.isEmpty() && !this.executor.hasWaitingTasks()) {
					linger();
				}
				if (!this.running || this.queue.isEmpty()) {
					this.drainScheduled = false;
					return;
				}
				queued = take(self);
			}
			finally {
				this.lock.unlock();
			}
			deliver(queued);
		}
		// Still scheduled: the continuation is this queue's one drain.
		scheduleDrain();
	}

	/** Under the lock. */
	private void linger() {
		this.lingering = true;
		try {
			this.notEmpty.awaitNanos(LINGER.toNanos());
		}
		catch (InterruptedException ex) {
			// the executor is shutting down: the drain ends unless events wait
		}
		finally {
			this.lingering = false;
		}
	}

	/** Under the lock. */
	private Queued take(Thread self) {
		Queued queued = this.queue.poll();
		this.queuedBytes -= queued.event().dataSize();
		this.delivering = new Delivery(queued.event(), this.nanoClock.getAsLong(), self);
		if (this.blockingReader && this.queue.size() <= this.resumeDepth) {
			this.notFull.signalAll();
		}
		return queued;
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
			// An interrupt (the listener's own, or a stop's that came too late) must not reach the next listener.
			Thread.interrupted();
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
