package io.github.discordgateway.transport.ratelimit;

/**
 * The send times of the events in a trailing time window, oldest first, in a fixed ring. An
 * event sent at {@code t} counts until {@code t + window} (exclusive). Not thread-safe; the
 * owner synchronizes.
 */
final class SlidingWindowLog {

	private final long windowNanos;

	private final long[] times;

	private int head;

	private int size;

	/**
	 * @param capacity the most events remembered; when full, recording forgets the oldest, so
	 * the count saturates at the capacity
	 * @param windowNanos the window length
	 */
	SlidingWindowLog(int capacity, long windowNanos) {
		this.times = new long[capacity];
		this.windowNanos = windowNanos;
	}

	int count(long now) {
		expire(now);
		return this.size;
	}

	void record(long now) {
		expire(now);
		if (this.size == this.times.length) {
			this.head = next(this.head);
			this.size--;
		}
		this.times[(this.head + this.size) % this.times.length] = now;
		this.size++;
	}

	/**
	 * @return how long until at most {@code count} events remain in the window, 0 if already so
	 */
	long nanosUntilAtMost(int count, long now) {
		expire(now);
		int target = Math.max(count, 0);
		if (this.size <= target) {
			return 0;
		}
		// The window is down to `target` once the (size - target) oldest events have expired.
		int lastToExpire = (this.head + this.size - target - 1) % this.times.length;
		return this.windowNanos - (now - this.times[lastToExpire]);
	}

	private void expire(long now) {
		// Compare differences, not instants: nanoTime values may wrap.
		while (this.size > 0 && now - this.times[this.head] >= this.windowNanos) {
			this.head = next(this.head);
			this.size--;
		}
	}

	private int next(int index) {
		return (index + 1) % this.times.length;
	}

}
