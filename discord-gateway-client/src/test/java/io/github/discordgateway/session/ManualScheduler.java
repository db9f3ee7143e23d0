package io.github.discordgateway.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link Scheduler} whose time moves only when a test advances it; due tasks then run on the test's thread.
 */
public final class ManualScheduler implements Scheduler {

	private final List<Task> tasks = new ArrayList<>();

	private long now = 1_000_000_000L;

	private long order;

	@Override
	public synchronized Cancellable schedule(Runnable runnable, Duration delay) {
		Task task = new Task(this.now + delay.toNanos(), this.order++, runnable);
		this.tasks.add(task);
		return () -> {
			synchronized (this) {
				this.tasks.remove(task);
			}
		};
	}

	@Override
	public synchronized long nanoTime() {
		return this.now;
	}

	/**
	 * Moves time forward, running every task that falls due, in order.
	 */
	public void advance(Duration duration) {
		long target;
		synchronized (this) {
			target = this.now + duration.toNanos();
		}
		for (int i = 0; i < 10_000; i++) {
			Task next;
			synchronized (this) {
				next = this.tasks.stream()
					.filter((task) -> task.dueAt <= target)
					.min(Comparator.comparingLong(Task::dueAt).thenComparingLong(Task::order))
					.orElse(null);
				if (next == null) {
					this.now = target;
					return;
				}
				this.tasks.remove(next);
				this.now = Math.max(this.now, next.dueAt);
			}
			next.runnable.run();
		}
		throw new IllegalStateException("More than 10000 tasks fell due: a task reschedules itself without delay");
	}

	/**
	 * Moves time forward without running what falls due, as when the timer thread stalls; the next
	 * {@link #advance} runs the overdue tasks.
	 */
	public synchronized void stall(Duration duration) {
		this.now += duration.toNanos();
	}

	public synchronized int pendingTasks() {
		return this.tasks.size();
	}

	private record Task(long dueAt, long order, Runnable runnable) {
	}

}
