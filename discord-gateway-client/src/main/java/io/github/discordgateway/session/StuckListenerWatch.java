package io.github.discordgateway.session;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.discordgateway.event.DispatchQueue;
import io.github.discordgateway.event.DispatchQueue.Delivery;

/**
 * Looks at a shard's delivery on the scheduler's thread (which runs no user code, so a stuck listener cannot
 * stop the watch) and reports a listener busy with one event past the threshold: once per stuck event, logged with
 * the event's name, sequence and shard and the delivery thread's stack trace. Reports the end of it too.
 */
final class StuckListenerWatch {

	private static final Logger logger = LoggerFactory.getLogger(StuckListenerWatch.class);

	private final int shardId;

	private final DispatchQueue queue;

	private final Scheduler scheduler;

	private final Duration threshold;

	private final Duration period;

	private final Consumer<StuckListener> stuck;

	private final Runnable recovered;

	private Scheduler.Cancellable next = Scheduler.Cancellable.NONE;

	private boolean running;

	/** The delivery reported stuck, or {@code null}. */
	private Delivery reported;

	/**
	 * @param shardId the shard, for the log
	 * @param queue its delivery
	 * @param scheduler the timer and the clock (the queue's clock must be the same)
	 * @param threshold how long one event may take before the listener counts as stuck
	 * @param stuck told once per stuck event
	 * @param recovered told when the listener reported stuck is done with its event
	 */
	StuckListenerWatch(int shardId, DispatchQueue queue, Scheduler scheduler, Duration threshold,
			Consumer<StuckListener> stuck, Runnable recovered) {
		this.shardId = shardId;
		this.queue = queue;
		this.scheduler = scheduler;
		this.threshold = threshold;
		// A stuck listener is seen at most a quarter of the threshold late.
		this.period = Duration.ofNanos(Math.max(1_000_000, threshold.toNanos() / 4));
		this.stuck = stuck;
		this.recovered = recovered;
	}

	synchronized void start() {
		if (!this.running) {
			this.running = true;
			this.next = this.scheduler.schedule(this::check, this.period);
		}
	}

	synchronized void stop() {
		this.running = false;
		this.next.cancel();
	}

	private void check() {
		StuckListener found = null;
		boolean ended = false;
		synchronized (this) {
			if (!this.running) {
				return;
			}
			Delivery delivery = this.queue.delivering();
			long now = this.scheduler.nanoTime();
			if (this.reported != null && (delivery == null || delivery.event() != this.reported.event())) {
				ended = true;
				logger.info("The listener of shard {} is done with {} (sequence {}) after {} ms", this.shardId,
						this.reported.event().getName(), this.reported.event().getSequence(),
						Duration.ofNanos(now - this.reported.startedAt()).toMillis());
				this.reported = null;
			}
			if (delivery != null && this.reported == null && now - delivery.startedAt() >= this.threshold.toNanos()) {
				this.reported = delivery;
				found = report(delivery, now);
			}
			this.next = this.scheduler.schedule(this::check, this.period);
		}
		if (ended) {
			this.recovered.run();
		}
		if (found != null) {
			this.stuck.accept(found);
		}
	}

	private StuckListener report(Delivery delivery, long now) {
		Duration busy = Duration.ofNanos(now - delivery.startedAt());
		StuckListener found = new StuckListener(this.shardId, delivery.event().getName(),
				delivery.event().getSequence(), Instant.now().minus(busy));
		Throwable where = new Throwable("Stack of " + delivery.thread().getName() + ", busy with "
				+ found.event() + " for " + busy.toMillis() + " ms");
		where.setStackTrace(delivery.thread().getStackTrace());
		logger.warn("A listener of shard {} is stuck on {} (sequence {}) for {} ms: the shard reads nothing more "
				+ "once its queue is full, and zombie connections go unseen meanwhile", this.shardId, found.event(),
				found.sequence(), busy.toMillis(), where);
		return found;
	}

}
