package io.github.discordgateway.session;

/**
 * Where shards keep their resumable sessions, so that a restarted process resumes instead of identifying anew
 * (which costs a session start from the daily budget and loses the events in between). A shard loads its
 * session when it starts (and ignores one of another shard count), saves it at READY, at RESUMED, every
 * {@link DeliverySettings#sessionSaveInterval()} while its listener moves on, and when it stops, and deletes it when
 * Discord rejects it (op 9 {@code false}, 4007, 4009) or the shard logs out. The sequence saved is that of the last
 * dispatch whose listener finished.
 * <p>
 * A store shared by several processes must keep each bot's sessions apart (two bots may both have a shard 0).
 * <p>
 * Called on the shard's callback executor, never under a shard's lock and never on a timer thread (except
 * {@link #load}, called by whoever starts the shard); implementations may block briefly (a network store) and
 * should not throw (a failure is logged and the shard goes on).
 */
public interface SessionStore {

	/**
	 * The shard's stored session, or {@code null} if there is none.
	 */
	Session load(int shardId);

	void save(int shardId, Session session);

	void delete(int shardId);

}
