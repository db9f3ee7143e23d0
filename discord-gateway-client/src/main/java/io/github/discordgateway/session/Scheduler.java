package io.github.discordgateway.session;

import java.time.Duration;

/**
 * Time as the session sees it: a clock and delayed tasks. Production runs on a shared
 * {@link java.util.concurrent.ScheduledExecutorService}; tests drive a manual one, so no test waits out a real
 * heartbeat interval.
 */
public interface Scheduler {

	/**
	 * Runs a task once after a delay.
	 * @return a handle that cancels the task if it has not started
	 */
	Cancellable schedule(Runnable task, Duration delay);

	/**
	 * A monotonic clock, in nanoseconds.
	 */
	long nanoTime();

	/**
	 * A scheduled task that can be cancelled.
	 */
	@FunctionalInterface
	interface Cancellable {

		/** A handle for nothing. */
		Cancellable NONE = () -> {
		};

		void cancel();

	}

}
