package io.github.discordgateway.sharding;

import java.time.Duration;
import java.util.Iterator;
import java.util.TreeMap;

import io.github.discordgateway.session.IdentifyQueue;

/**
 * The shards of one identify bucket that said they will ask for a turn ({@link IdentifyQueue#expect}) and have not
 * yet: a turn for a higher shard of the bucket waits while a lower one is expected, for at most
 * {@link #LIMIT}. Not thread-safe: its queue's lock guards it.
 *
 * @since 0.1.0
 */
public final class ExpectedShards {

	/**
	 * How long an expected shard may hold up the higher shards of its bucket without asking: the default Hello
	 * timeout, after which a shard gives up a silent connection and withdraws anyway.
	 */
	public static final Duration LIMIT = Duration.ofSeconds(30);

	/** When each expected shard's expectation lapses, by shard id, on the queue's clock. */
	private final TreeMap<Integer, Long> lapsesAt = new TreeMap<>();

	/**
	 * The shard will ask; its expectation lapses {@link #LIMIT} after {@code now}.
	 */
	public void expect(int shardId, long now) {
		this.lapsesAt.put(shardId, now + LIMIT.toNanos());
	}

	/**
	 * The shard asked or withdrew.
	 * @return whether it was expected
	 */
	public boolean remove(int shardId) {
		return this.lapsesAt.remove(shardId) != null;
	}

	/**
	 * When the earliest expectation of a shard below this one lapses, or {@code null} if none holds it; forgets
	 * those that have lapsed.
	 */
	public Long heldUntil(int shardId, long now) {
		Long until = null;
		Iterator<Long> lower = this.lapsesAt.headMap(shardId, false).values().iterator();
		while (lower.hasNext()) {
			long lapseAt = lower.next();
			if (lapseAt - now <= 0) {
				lower.remove();
			}
			else if (until == null || lapseAt - until < 0) {
				until = lapseAt;
			}
		}
		return until;
	}

}
