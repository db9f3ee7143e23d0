package io.github.discordgateway.session;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The client's callback thread: runs observers, completes the futures the client hands out and talks to the
 * session store, one task at a time in the order given, on a daemon thread that no timer shares and that ends
 * when idle (so the executor needs no shutdown).
 */
public final class CallbackExecutor implements Executor {

	private final ThreadPoolExecutor executor;

	/**
	 * @param threadName the name of its thread
	 */
	public CallbackExecutor(String threadName) {
		this.executor = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), (task) -> {
			Thread thread = new Thread(task, threadName);
			thread.setDaemon(true);
			return thread;
		});
		this.executor.allowCoreThreadTimeOut(true);
	}

	@Override
	public void execute(Runnable task) {
		this.executor.execute(task);
	}

}
