package io.github.discordgateway.rest.ratelimit;

import java.util.concurrent.TimeUnit;

/**
 * The time source and the waiting of the rate limiter; tests give a manual one.
 */
public interface RateLimitClock {

	/** The system clock: {@link System#nanoTime()} and a sleep of the calling thread. */
	RateLimitClock SYSTEM = new RateLimitClock() {

		@Override
		public long nanoTime() {
			return System.nanoTime();
		}

		@Override
		public void sleep(long nanos) throws InterruptedException {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}

	};

	/**
	 * @return the current time in nanoseconds, as {@link System#nanoTime()}
	 */
	long nanoTime();

	/**
	 * Blocks the calling thread.
	 * @param nanos how long
	 * @throws InterruptedException if the thread is interrupted
	 */
	void sleep(long nanos) throws InterruptedException;

}
