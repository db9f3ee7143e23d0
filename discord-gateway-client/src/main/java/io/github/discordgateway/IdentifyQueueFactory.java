package io.github.discordgateway;

import io.github.discordgateway.rest.GatewayBot;
import io.github.discordgateway.session.IdentifyQueue;
import io.github.discordgateway.session.Scheduler;
import io.github.discordgateway.sharding.LocalIdentifyQueue;

/**
 * Makes the identify queue all of a client's shards share, from the session start limit Discord reports in
 * {@code GET /gateway/bot}. The default queues the identifies of this process alone; bots whose shards run in
 * several processes need one that coordinates them.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface IdentifyQueueFactory {

	/**
	 * @param limit the session start limit Discord reported
	 * @param timers the client's timers, for a queue that waits (they run no user code)
	 * @return the queue the shards ask for their turn to identify
	 */
	IdentifyQueue create(GatewayBot.SessionStartLimit limit, Scheduler timers);

	/**
	 * Queues the identifies of this process alone ({@link LocalIdentifyQueue}).
	 */
	static IdentifyQueueFactory local() {
		return LocalIdentifyQueue::new;
	}

}
