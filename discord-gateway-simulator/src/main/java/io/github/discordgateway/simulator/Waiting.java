package io.github.discordgateway.simulator;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits on a monitor until a probe finds something, bounded by a timeout. Writers call
 * {@code notifyAll()} on the same monitor after each change.
 */
final class Waiting {

	private Waiting() {
	}

	/**
	 * @param lock the monitor guarding what {@code probe} reads
	 * @param timeout how long to wait at most
	 * @param probe returns the result, or {@code null} to keep waiting; runs holding {@code lock}
	 * @param failure the message of the {@link AssertionError} thrown on timeout; runs holding {@code lock}
	 */
	static <T> T until(Object lock, Duration timeout, Supplier<T> probe, Supplier<String> failure) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (lock) {
			while (true) {
				T result = probe.get();
				if (result != null) {
					return result;
				}
				long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
				if (leftMillis <= 0) {
					throw new AssertionError(failure.get());
				}
				try {
					lock.wait(leftMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while waiting", ex);
				}
			}
		}
	}

}
