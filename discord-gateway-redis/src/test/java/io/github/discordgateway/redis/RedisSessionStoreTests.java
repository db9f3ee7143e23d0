package io.github.discordgateway.redis;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.discordgateway.session.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session store against a real Redis on loopback.
 */
class RedisSessionStoreTests {

	private static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.secret-part-of-the-token";

	private static EmbeddedRedisServer server;

	private static LettuceConnectionFactory connections;

	private final Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

	private final RedisSessionStore store = new RedisSessionStore(connections, RedisKeys.forBot("discord-gateway", BotKey.fromToken(TOKEN)), this.clock);

	private final StringRedisTemplate redis = new StringRedisTemplate(connections);

	@BeforeAll
	static void startRedis() {
		server = EmbeddedRedisServer.start();
		connections = server.connectionFactory();
	}

	@AfterAll
	static void stopRedis() {
		connections.destroy();
		server.close();
	}

	@AfterEach
	void flush() {
		this.redis.execute((org.springframework.data.redis.core.RedisCallback<Void>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
	}

	@Test
	void aSavedSessionLoadsAsItWasSaved() {
		Session session = new Session("abc", "wss://resume.example", 42, 4);
		this.store.save(3, session);
		assertThat(this.store.load(3)).isEqualTo(session);
		assertThat(this.store.load(2)).isNull();
	}

	@Test
	void theStoredFormHoldsTheSessionTheShardCountAndTheTimeOfSaveButNeverTheToken() {
		this.store.save(0, new Session("abc", "wss://resume.example", 7, 1));
		Set<String> keys = this.redis.keys("*");
		assertThat(keys).containsExactly(this.store.key(0));
		Map<Object, Object> fields = this.redis.opsForHash().entries(this.store.key(0));
		assertThat(fields).containsOnly(Map.entry("session_id", "abc"),
				Map.entry("resume_gateway_url", "wss://resume.example"), Map.entry("sequence", "7"),
				Map.entry("shard_count", "1"), Map.entry("saved_at", "1700000000000"));
		String everything = keys + " " + fields;
		for (String segment : TOKEN.split("\\.")) {
			assertThat(everything).doesNotContain(segment);
		}
	}

	@Test
	void aLaterSaveReplacesTheEarlierOne() {
		this.store.save(0, new Session("abc", "wss://resume.example", 7, 1));
		this.store.save(0, new Session("abc", "wss://resume.example", 9, 1));
		assertThat(this.store.load(0).sequence()).isEqualTo(9);
	}

	@Test
	void aDeletedSessionIsGone() {
		this.store.save(0, new Session("abc", "wss://resume.example", 7, 1));
		this.store.delete(0);
		assertThat(this.store.load(0)).isNull();
		assertThat(this.redis.keys("*")).isEmpty();
	}

	@Test
	void twoBotsSharingARedisKeepTheirSessionsApart() {
		RedisSessionStore other = new RedisSessionStore(connections,
				RedisKeys.forBot("discord-gateway", BotKey.fromToken("OTg3NjU0MzIxMDk4NzY1NDMy.Gxyz.another-secret")));
		this.store.save(0, new Session("mine", "wss://a.example", 1, 1));
		other.save(0, new Session("theirs", "wss://b.example", 2, 1));
		assertThat(this.store.load(0).sessionId()).isEqualTo("mine");
		assertThat(other.load(0).sessionId()).isEqualTo("theirs");
	}

	@Test
	void theBotKeyIsTheSameWithOrWithoutTheBotPrefixAndForAnyLaterSegments() {
		assertThat(BotKey.fromToken("Bot " + TOKEN)).isEqualTo(BotKey.fromToken(TOKEN));
		assertThat(BotKey.fromToken("MTIzNDU2Nzg5MDEyMzQ1Njc4.Gnew.rotated-secret")).isEqualTo(BotKey.fromToken(TOKEN));
	}

	@Test
	void anUnreadableSessionLoadsAsNone() {
		this.redis.opsForHash().put(this.store.key(0), "session_id", "abc");
		assertThat(this.store.load(0)).isNull();
	}

}
