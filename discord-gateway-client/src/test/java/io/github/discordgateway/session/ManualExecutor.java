package io.github.discordgateway.session;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * An {@link Executor} whose tasks run only when a test says so, on the test's thread: a test sees what ran inline
 * (on a timer, under a lock) and what was handed over.
 */
public final class ManualExecutor implements Executor {

	private final Queue<Runnable> tasks = new ArrayDeque<>();

	@Override
	public synchronized void execute(Runnable task) {
		this.tasks.add(task);
	}

	/**
	 * Runs every task handed over, and those they hand over, in order.
	 */
	public void runAll() {
		for (int i = 0; i < 100_000; i++) {
			Runnable next;
			synchronized (this) {
				next = this.tasks.poll();
			}
			if (next == null) {
				return;
			}
			next.run();
		}
		throw new IllegalStateException("More than 100000 tasks: a task hands over another without end");
	}

	public synchronized int pending() {
		return this.tasks.size();
	}

}
