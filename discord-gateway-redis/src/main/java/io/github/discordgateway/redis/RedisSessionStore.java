package io.github.discordgateway.redis;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.github.discordgateway.session.Session;
import io.github.discordgateway.session.SessionStore;

/**
 * Keeps each shard's resumable session in Redis, so that a restarted (or crashed, or replacing) process resumes it
 * instead of identifying anew. One hash per bot and shard ({@link RedisKeys#session}, e.g.
 * <code>discord-gateway:{&lt;bot key&gt;}:session:&lt;shard id&gt;</code>),
 * holding the session id, the resume URL, the sequence of the last event the listeners finished, the shard count
 * and the time of the save (epoch milliseconds). The token is never stored: the bot is named by its
 * {@link BotKey}.
 * <p>
 * With {@link ShardLeases}, saves and deletes are fenced by the lease: each is one Lua script that writes only if
 * the shard's lease key still names this process, so a process that lost a lease (paused past it, or cut off from
 * Redis while another took the shard over) cannot overwrite or delete the session the new owner saved. A fenced-off
 * write is logged once per shard (until a write goes through again) and reported to the leases, which check at
 * once and stop the shard here if another process holds it; it is not thrown. Without leases (fixed shard ids),
 * writes are unconditional.
 * <p>
 * The shards call it on the client's callback thread, at READY, RESUMED, at most once per save interval while
 * events are handled, and at stop; a failure is logged by the shard, which goes on (a later save catches up).
 */
public final class RedisSessionStore implements SessionStore {

	private static final Logger logger = LoggerFactory.getLogger(RedisSessionStore.class);

	private static final String SESSION_ID = "session_id";

	private static final String RESUME_GATEWAY_URL = "resume_gateway_url";

	private static final String SEQUENCE = "sequence";

	private static final String SHARD_COUNT = "shard_count";

	private static final String SAVED_AT = "saved_at";

	/** Sets the session's fields (ARGV[2..]) if the lease (KEYS[1]) names this process (ARGV[1]); 1 if it did. */
	private static final RedisScript<Long> FENCED_SAVE = RedisScript.of("""
			if redis.call('get', KEYS[1]) ~= ARGV[1] then
			  return 0
			end
			redis.call('hset', KEYS[2], unpack(ARGV, 2))
			return 1
			""", Long.class);

	/** Deletes the session (KEYS[2]) if the lease (KEYS[1]) names this process (ARGV[1]); 1 if it did. */
	private static final RedisScript<Long> FENCED_DELETE = RedisScript.of("""
			if redis.call('get', KEYS[1]) ~= ARGV[1] then
			  return 0
			end
			redis.call('del', KEYS[2])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Clock clock;

	/** The leases that fence the writes, or {@code null} for unconditional writes. */
	private final ShardLeases leases;

	/** Shards whose last write was fenced off, so that it is logged once. */
	private final Set<Integer> fencedOff = ConcurrentHashMap.newKeySet();

	/**
	 * A store whose writes are unconditional: for shards that no lease assigns (fixed shard ids).
	 * @param connectionFactory the Redis to keep the sessions in
	 * @param keys the keys of the bot whose sessions these are
	 */
	public RedisSessionStore(RedisConnectionFactory connectionFactory, RedisKeys keys) {
		this(connectionFactory, keys, Clock.systemUTC(), null);
	}

	/**
	 * A store whose writes are unconditional, timed by the given clock.
	 * @param connectionFactory the Redis to keep the sessions in
	 * @param keys the keys of the bot whose sessions these are
	 * @param clock gives the time of each save
	 */
	public RedisSessionStore(RedisConnectionFactory connectionFactory, RedisKeys keys, Clock clock) {
		this(connectionFactory, keys, clock, null);
	}

	/**
	 * A store whose writes go through only while the shard's lease names this process.
	 * @param connectionFactory the Redis to keep the sessions in (where the leases are)
	 * @param keys the keys of the bot whose sessions these are
	 * @param leases the leases that decide which shards this process runs
	 */
	public RedisSessionStore(RedisConnectionFactory connectionFactory, RedisKeys keys, ShardLeases leases) {
		this(connectionFactory, keys, Clock.systemUTC(), leases);
	}

	private RedisSessionStore(RedisConnectionFactory connectionFactory, RedisKeys keys, Clock clock,
			ShardLeases leases) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.keys = keys;
		this.clock = clock;
		this.leases = leases;
	}

	/**
	 * The Redis key of a shard's session.
	 */
	public String key(int shardId) {
		return this.keys.session(shardId);
	}

	@Override
	public Session load(int shardId) {
		Map<Object, Object> fields = this.redis.opsForHash().entries(key(shardId));
		if (fields.isEmpty()) {
			return null;
		}
		try {
			Session session = new Session(text(fields, SESSION_ID), text(fields, RESUME_GATEWAY_URL),
					Long.parseLong(text(fields, SEQUENCE)), Integer.parseInt(text(fields, SHARD_COUNT)));
			logger.debug("Shard {} found {} saved at {} ms since the epoch", shardId, session, fields.get(SAVED_AT));
			return session;
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Shard {} ignores the unreadable session at {}: {}", shardId, key(shardId), ex.getMessage());
			return null;
		}
	}

	@Override
	public void save(int shardId, Session session) {
		Map<String, String> fields = Map.of(SESSION_ID, session.sessionId(), RESUME_GATEWAY_URL,
				session.resumeGatewayUrl(), SEQUENCE, Long.toString(session.sequence()), SHARD_COUNT,
				Integer.toString(session.shardCount()), SAVED_AT, Long.toString(this.clock.millis()));
		if (this.leases == null) {
			this.redis.opsForHash().putAll(key(shardId), fields);
			return;
		}
		String[] arguments = new String[1 + 2 * fields.size()];
		arguments[0] = this.leases.owner();
		int i = 1;
		for (Map.Entry<String, String> field : fields.entrySet()) {
			arguments[i++] = field.getKey();
			arguments[i++] = field.getValue();
		}
		afterFencedWrite(shardId, "save", this.redis.execute(FENCED_SAVE, fencedKeys(shardId), (Object[]) arguments));
	}

	@Override
	public void delete(int shardId) {
		if (this.leases == null) {
			this.redis.delete(key(shardId));
			return;
		}
		afterFencedWrite(shardId, "deletion", this.redis.execute(FENCED_DELETE, fencedKeys(shardId), this.leases.owner()));
	}

	private List<String> fencedKeys(int shardId) {
		return List.of(this.keys.shardLease(shardId), key(shardId));
	}

	private void afterFencedWrite(int shardId, String write, Long written) {
		if (written != null && written == 1) {
			if (this.fencedOff.remove(shardId)) {
				logger.info("Shard {}'s session is written again: its lease names this process", shardId);
			}
			return;
		}
		if (this.fencedOff.add(shardId)) {
			logger.warn("Shard {}'s session {} was refused: its lease no longer names this process, which must not "
					+ "write over the session of the process that runs the shard now (logged once until a write "
					+ "goes through)", shardId, write);
		}
		else {
			logger.debug("Shard {}'s session {} refused again: the lease is not this process's", shardId, write);
		}
		this.leases.writeFencedOff(shardId);
	}

	private static String text(Map<Object, Object> fields, String name) {
		Object value = fields.get(name);
		if (!(value instanceof String text)) {
			throw new IllegalArgumentException("no " + name);
		}
		return text;
	}

	@Override
	public String toString() {
		return "RedisSessionStore[" + this.keys.session(0).replaceFirst("0$", "*")
				+ ((this.leases != null) ? ", fenced by the shard leases" : "") + "]";
	}

}
