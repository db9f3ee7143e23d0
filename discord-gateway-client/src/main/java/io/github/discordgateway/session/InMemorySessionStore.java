package io.github.discordgateway.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps sessions in this process: a shard stopped and started again resumes; a new process identifies anew.
 */
public final class InMemorySessionStore implements SessionStore {

	private final Map<Integer, Session> sessions = new ConcurrentHashMap<>();

	@Override
	public Session load(int shardId) {
		return this.sessions.get(shardId);
	}

	@Override
	public void save(int shardId, Session session) {
		this.sessions.put(shardId, session);
	}

	@Override
	public void delete(int shardId) {
		this.sessions.remove(shardId);
	}

}
