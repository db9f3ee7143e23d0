package io.github.discordgateway.session;

import java.util.concurrent.CompletableFuture;

/**
 * Admits Identify, one shard at a time per bucket. Discord allows {@code max_concurrency} identifies per 5 seconds
 * (one per bucket {@code shard_id % max_concurrency}) and a daily budget of session starts; exceeding the first
 * gets op 9, exhausting the second resets the bot token. Resumes are not limited.
 * <p>
 * A shard asks for its turn and sends Identify when the returned future completes. Implementations complete it
 * outside any lock of theirs; they may complete it on their own thread (a timer, a network client). A shard that
 * abandons its connection cancels the future: an implementation then gives the turn to the next shard waiting.
 * The in-process implementation is {@link io.github.discordgateway.sharding.LocalIdentifyQueue}; a queue shared by
 * several processes (e.g. on Redis) plugs in here.
 */
@FunctionalInterface
public interface IdentifyQueue {

	/** No limit: for tests that identify once. */
	IdentifyQueue NONE = (shardId) -> CompletableFuture.completedFuture(null);

	/**
	 * Asks for the shard's turn to identify.
	 * @return completes when the shard may send Identify; fails if the queue cannot give turns
	 */
	CompletableFuture<Void> acquire(int shardId);

	/**
	 * Says that the shard has just started and connects to identify: it will ask for its turn once the gateway's
	 * Hello arrives. Until it asks, {@linkplain #withdraw withdraws} or a limit passes (see
	 * {@link io.github.discordgateway.sharding.ExpectedShards}), no shard of a higher id in its bucket gets a
	 * turn, so that at start-up the shards of a bucket identify in shard id order rather than in the order their
	 * connections happen to open. Said only for a shard's first connection after it starts, so a later Identify
	 * never waits behind shards that are not asking. Queues that do not order start-ups ignore it.
	 */
	default void expect(int shardId) {
	}

	/**
	 * Takes back {@link #expect}: the shard stopped, or its connection ended, before it asked.
	 */
	default void withdraw(int shardId) {
	}

	/**
	 * Why turns wait now beyond the usual pacing (the daily budget is used up, the coordinator is unreachable),
	 * for health and logs; {@code null} if nothing holds them.
	 */
	default String holdReason() {
		return null;
	}

}
