package io.github.discordgateway.redis;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The single daemon thread each coordination component calls Redis on, so that a slow or unreachable Redis never
 * holds up a shard's timers or the caller.
 */
final class CoordinationThreads {

	private CoordinationThreads() {
	}

	static ScheduledExecutorService single(String name) {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

}
