package io.github.discordgateway.session;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs what a shard hands to code outside it (observers, future completions, the session store) on the client's
 * callback executor, so that it never runs on a timer thread nor under the shard's lock. A callback that throws,
 * or an executor that refuses it, is logged: it must not break the shard.
 */
final class Callbacks implements Executor {

	private static final Logger logger = LoggerFactory.getLogger(Callbacks.class);

	private final Executor executor;

	private final int shardId;

	Callbacks(Executor executor, int shardId) {
		this.executor = executor;
		this.shardId = shardId;
	}

	@Override
	public void execute(Runnable task) {
		try {
			this.executor.execute(() -> {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					logger.warn("A callback of shard {} failed", this.shardId, ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			logger.warn("The callback executor refused a callback of shard {}: {}", this.shardId, ex.getMessage());
		}
	}

}
