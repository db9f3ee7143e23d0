package io.github.discordgateway.session;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} on a {@link ScheduledExecutorService}. A task that throws is logged, never lost silently.
 */
public final class ExecutorScheduler implements Scheduler {

	private static final Logger logger = LoggerFactory.getLogger(ExecutorScheduler.class);

	private final ScheduledExecutorService executor;

	public ExecutorScheduler(ScheduledExecutorService executor) {
		this.executor = executor;
	}

	@Override
	public Cancellable schedule(Runnable task, Duration delay) {
		Future<?> future = this.executor.schedule(() -> {
			try {
				task.run();
			}
			catch (RuntimeException | Error ex) {
				logger.error("A gateway task failed", ex);
			}
		}, delay.toNanos(), TimeUnit.NANOSECONDS);
		return () -> future.cancel(false);
	}

	@Override
	public long nanoTime() {
		return System.nanoTime();
	}

}
