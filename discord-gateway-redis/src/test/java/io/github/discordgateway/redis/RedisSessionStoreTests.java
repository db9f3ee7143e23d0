package io.github.discordgateway.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.discordgateway.session.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session store against a real Redis on loopback.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisSessionStoreTests {

	private static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.secret-part-of-the-token";

	@RegisterExtension
	static final EmbeddedRedisServer server = new EmbeddedRedisServer();

	private static final RedisKeys KEYS = RedisKeys.forBot("discord-gateway", BotKey.fromToken(TOKEN));

	private final Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

	private final RedisSessionStore store = new RedisSessionStore(server.connections(), KEYS, this.clock);

	private final StringRedisTemplate redis = EmbeddedRedisServer.template(server.connections());

	private final List<ShardLeases> leases = new ArrayList<>();

	@AfterEach
	void closeLeases() {
		this.leases.forEach(ShardLeases::close);
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
		RedisSessionStore other = new RedisSessionStore(server.connections(),
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

	@Test
	void withLeasesASaveGoesThroughWhileTheShardsLeaseNamesThisProcess() {
		RedisSessionStore fenced = fencedBy("this-process");
		holdLease(0, "this-process");
		Session session = new Session("abc", "wss://resume.example", 7, 1);
		fenced.save(0, session);
		assertThat(fenced.load(0)).isEqualTo(session);
		fenced.delete(0);
		assertThat(fenced.load(0)).isNull();
	}

	@Test
	void withLeasesAProcessThatLostTheLeaseCannotOverwriteOrDeleteTheSessionOfTheNewOwner(CapturedOutput output) {
		RedisSessionStore old = fencedBy("old-process");
		RedisSessionStore current = fencedBy("new-process");
		holdLease(0, "old-process");
		old.save(0, new Session("old", "wss://old.example", 40, 1));
		// The old process paused past its lease; the new one took the shard over, resumed and saved.
		holdLease(0, "new-process");
		Session resumed = new Session("old", "wss://old.example", 55, 1);
		current.save(0, resumed);
		old.save(0, new Session("old", "wss://old.example", 41, 1));
		old.save(0, new Session("other", "wss://other.example", 1, 1));
		old.delete(0);
		assertThat(current.load(0)).isEqualTo(resumed);
		assertThat(output).containsOnlyOnce("Shard 0's session save was refused");
		assertThat(output).doesNotContain("Shard 0's session deletion was refused");
	}

	@Test
	void withLeasesNoSessionIsWrittenForAShardWhoseLeaseIsGone() {
		RedisSessionStore fenced = fencedBy("this-process");
		fenced.save(0, new Session("abc", "wss://resume.example", 7, 1));
		assertThat(this.redis.keys("*")).isEmpty();
	}

	@Test
	void aFencedOffSaveIsLoggedAgainOnlyAfterASaveWentThrough(CapturedOutput output) {
		RedisSessionStore fenced = fencedBy("this-process");
		holdLease(0, "another");
		fenced.save(0, new Session("abc", "wss://resume.example", 7, 1));
		fenced.save(0, new Session("abc", "wss://resume.example", 8, 1));
		holdLease(0, "this-process");
		fenced.save(0, new Session("abc", "wss://resume.example", 9, 1));
		holdLease(0, "another");
		fenced.save(0, new Session("abc", "wss://resume.example", 10, 1));
		assertThat(output.toString().split("Shard 0's session save was refused", -1)).hasSize(3);
		assertThat(fenced.load(0).sequence()).isEqualTo(9);
	}

	private RedisSessionStore fencedBy(String owner) {
		ShardLeases leases = new ShardLeases(this.redis, KEYS, owner, 1, Duration.ofSeconds(10));
		this.leases.add(leases);
		return new RedisSessionStore(server.connections(), KEYS, leases);
	}

	private void holdLease(int shardId, String owner) {
		this.redis.opsForValue().set(KEYS.shardLease(shardId), owner);
	}

}
