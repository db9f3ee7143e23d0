package io.github.discordgateway.redis;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.discordgateway.session.Session;
import io.github.discordgateway.session.SessionStore;

/**
 * Keeps each shard's resumable session in Redis, so that a restarted (or crashed, or replacing) process resumes it
 * instead of identifying anew. One hash per bot and shard ({@link RedisKeys#session}, e.g.
 * {@code discord-gateway:<bot key>:session:<shard id>}),
 * holding the session id, the resume URL, the sequence of the last event the listeners finished, the shard count
 * and the time of the save (epoch milliseconds). The token is never stored: the bot is named by its
 * {@link BotKey}.
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

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Clock clock;

	/**
	 * @param connectionFactory the Redis to keep the sessions in
	 * @param keys the keys of the bot whose sessions these are
	 */
	public RedisSessionStore(RedisConnectionFactory connectionFactory, RedisKeys keys) {
		this(connectionFactory, keys, Clock.systemUTC());
	}

	/**
	 * @param connectionFactory the Redis to keep the sessions in
	 * @param keys the keys of the bot whose sessions these are
	 * @param clock gives the time of each save
	 */
	public RedisSessionStore(RedisConnectionFactory connectionFactory, RedisKeys keys, Clock clock) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.keys = keys;
		this.clock = clock;
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
		this.redis.opsForHash()
			.putAll(key(shardId),
					Map.of(SESSION_ID, session.sessionId(), RESUME_GATEWAY_URL, session.resumeGatewayUrl(), SEQUENCE,
							Long.toString(session.sequence()), SHARD_COUNT, Integer.toString(session.shardCount()),
							SAVED_AT, Long.toString(this.clock.millis())));
	}

	@Override
	public void delete(int shardId) {
		this.redis.delete(key(shardId));
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
		return "RedisSessionStore[" + this.keys.session(0).replaceFirst("0$", "*") + "]";
	}

}
