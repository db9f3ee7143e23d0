package io.github.discordgateway.event;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the shards' {@link DispatchQueue}s deliver: each queue hands it one drain at a time, so that hundreds of
 * shards need no thread of their own. On Java 21 and later every drain runs on a virtual thread; before, on a pool
 * of daemon platform threads named {@code discord-gateway-events-N}, at most {@code maxThreads} of them, that starts
 * a thread only when none is idle and ends a thread idle for {@link #KEEP_ALIVE}, so an idle client holds none and
 * a client of a few shards no more than it uses. A listener that blocks holds its pool thread meanwhile: once
 * every pool thread is blocked, every shard's delivery waits.
 * <p>
 * The client's own: never shared, and shut down when the client closes.
 *
 * @since 0.1.0
 */
public final class DeliveryExecutor implements Executor {

	/**
	 * The pool's size unless configured: up to 64 shards then deliver as if each had its own thread (a blocked
	 * listener holds up its shard alone), and hundreds of shards share 64 threads: more than the cores of a bot's
	 * process, for listeners that compute, with room for some that wait.
	 */
	public static final int DEFAULT_MAX_THREADS = 64;

	/** How long a pool thread may stay idle before it ends. */
	public static final Duration KEEP_ALIVE = Duration.ofSeconds(60);

	private static final String THREAD_NAME = "discord-gateway-events-";

	private static final Logger logger = LoggerFactory.getLogger(DeliveryExecutor.class);

	/** Virtual threads, when the JVM has them; {@code null} on a pool. */
	private final ThreadFactory virtualThreads;

	/** The platform threads, when the JVM has no virtual threads; {@code null} on virtual threads. */
	private final DeliveryPool pool;

	private volatile boolean shutDown;

	private DeliveryExecutor(ThreadFactory virtualThreads, DeliveryPool pool) {
		this.virtualThreads = virtualThreads;
		this.pool = pool;
	}

	/**
	 * Virtual threads when the JVM has them (Java 21 and later), else a pool of platform threads.
	 * @param maxThreads the most platform threads of the pool, when it is one
	 */
	public static DeliveryExecutor create(int maxThreads) {
		ThreadFactory virtualThreads = virtualThreads();
		return (virtualThreads != null) ? new DeliveryExecutor(virtualThreads, null) : pool(maxThreads);
	}

	/**
	 * A pool of platform threads, on any JVM.
	 * @param maxThreads the most threads it runs at once
	 */
	public static DeliveryExecutor pool(int maxThreads) {
		return pool(maxThreads, KEEP_ALIVE);
	}

	static DeliveryExecutor pool(int maxThreads, Duration keepAlive) {
		if (maxThreads < 1) {
			throw new IllegalArgumentException("maxThreads must be at least 1, was " + maxThreads);
		}
		return new DeliveryExecutor(null, new DeliveryPool(maxThreads, keepAlive));
	}

	private static ThreadFactory virtualThreads() {
		try {
			Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
			Class<?> builderType = Class.forName("java.lang.Thread$Builder");
			builder = builderType.getMethod("name", String.class, long.class).invoke(builder, THREAD_NAME, 1L);
			return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

	@Override
	public void execute(Runnable task) {
		if (this.pool != null) {
			this.pool.execute(task);
			return;
		}
		if (this.shutDown) {
			throw new RejectedExecutionException("The delivery executor is shut down");
		}
		this.virtualThreads.newThread(task).start();
	}

	/**
	 * Whether deliveries run on virtual threads rather than on a pool.
	 */
	public boolean isVirtual() {
		return this.pool == null;
	}

	/**
	 * How many platform threads the pool holds now (0 on virtual threads).
	 */
	public int poolSize() {
		return (this.pool != null) ? this.pool.getPoolSize() : 0;
	}

	/**
	 * Whether tasks wait for a thread of the pool (never on virtual threads).
	 */
	boolean hasWaitingTasks() {
		return this.pool != null && !this.pool.getQueue().isEmpty();
	}

	/** How many threads of the pool run a task now (0 on virtual threads). */
	int busyThreads() {
		return (this.pool != null) ? this.pool.getActiveCount() : 0;
	}

	/**
	 * Takes no more deliveries and waits up to the timeout for the running ones to end; then interrupts what is
	 * left (a listener that ignored its shard's stop) and lets it end on its own.
	 */
	public void shutdown(Duration timeout) {
		this.shutDown = true;
		if (this.pool == null) {
			return;
		}
		this.pool.shutdown();
		try {
			if (!this.pool.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
				logger.warn("{} delivery threads are still busy in listeners {} after the shards stopped; "
						+ "interrupting them", this.pool.getActiveCount(), timeout);
				this.pool.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			this.pool.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A {@link ThreadPoolExecutor} that grows before it queues: a task waits in the queue only while an idle thread
	 * is there to take it, or once the pool is at its maximum (a plain one with an unbounded queue never grows past
	 * its core size, and with a core size of the maximum it starts a thread per task until it has them all).
	 */
	private static final class DeliveryPool extends ThreadPoolExecutor {

		/** Tasks handed to the pool that have not finished yet: running or queued. */
		private final AtomicInteger unfinished = new AtomicInteger();

		DeliveryPool(int maxThreads, Duration keepAlive) {
			super(0, maxThreads, keepAlive.toNanos(), TimeUnit.NANOSECONDS, new GrowFirstQueue(), new PoolThreads(),
					(task, pool) -> ((DeliveryPool) pool).queueAtMaximum(task));
			((GrowFirstQueue) getQueue()).pool = this;
			((PoolThreads) getThreadFactory()).pool = this;
		}

		@Override
		public void execute(Runnable task) {
			this.unfinished.incrementAndGet();
			try {
				super.execute(task);
			}
			catch (RuntimeException ex) {
				this.unfinished.decrementAndGet();
				throw ex;
			}
		}

		@Override
		protected void afterExecute(Runnable task, Throwable failure) {
			this.unfinished.decrementAndGet();
		}

		/** Every unfinished task has a thread, this one's included: an idle thread will take it. */
		boolean hasIdleThread() {
			return this.unfinished.get() <= getPoolSize();
		}

		boolean isAtMaximum() {
			return getPoolSize() >= getMaximumPoolSize();
		}

		private void queueAtMaximum(Runnable task) {
			if (isShutdown()) {
				throw new RejectedExecutionException("The delivery executor is shut down");
			}
			((GrowFirstQueue) getQueue()).enqueue(task);
		}

		/**
		 * A thread that timed out as a task was queued for it, while the others were busy, would leave the task
		 * waiting for them although the pool may grow: a thread that ends with tasks queued starts another.
		 */
		void threadEnded() {
			if (!isShutdown() && !getQueue().isEmpty()) {
				try {
					execute(() -> {
					});
				}
				catch (RejectedExecutionException ex) {
					// shut down meanwhile: the queued tasks end with the pool
				}
			}
		}

	}

	private static final class GrowFirstQueue extends LinkedBlockingQueue<Runnable> {

		private DeliveryPool pool;

		@Override
		public boolean offer(Runnable task) {
			// Refused, the pool starts a thread for the task, or, at its maximum, queues it through queueAtMaximum.
			return (this.pool.hasIdleThread() || this.pool.isAtMaximum()) && super.offer(task);
		}

		void enqueue(Runnable task) {
			super.offer(task);
		}

	}

	private static final class PoolThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		private DeliveryPool pool;

		@Override
		public Thread newThread(Runnable worker) {
			Thread thread = new Thread(() -> {
				try {
					worker.run();
				}
				finally {
					this.pool.threadEnded();
				}
			}, THREAD_NAME + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
