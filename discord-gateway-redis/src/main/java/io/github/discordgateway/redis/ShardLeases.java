package io.github.discordgateway.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.github.discordgateway.sharding.ShardManager;
import io.github.discordgateway.sharding.ShardOwnership;

/**
 * Shard ownership by lease in Redis: a shard runs in the process whose id its lease key holds. Every third of the
 * lease duration, this process renews its leases (a lease found taken by another process stops the shard here at
 * once; one found gone, after Redis lost its data, is taken again), then claims free shards in id order up to its
 * maximum and starts them. A process that stops releases its leases once its shards are closed, so another takes
 * them over at its next round; the shards of a process that dies are free once their leases expire. A process
 * that finds no free shard to claim and holds none {@linkplain #standby() stands by}.
 * <p>
 * A {@link RedisSessionStore} fenced by these leases reports a refused write ({@link #writeFencedOff}), upon which
 * the leases are checked at once rather than at the next round.
 * <p>
 * When Redis cannot be reached, running shards keep running and nothing is claimed. After Redis was unreachable
 * or restarted, claims wait one lease duration, time for the processes that ran shards to take their leases again.
 * All Redis calls run on this component's own thread.
 */
public final class ShardLeases implements ShardOwnership, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ShardLeases.class);

	/** Renews each lease this process holds (or takes it again if it vanished); returns 1 per lease kept, 0 per lost. */
	private static final RedisScript<List> RENEW = RedisScript.of("""
			local kept = {}
			for i, key in ipairs(KEYS) do
			  local holder = redis.call('get', key)
			  if holder == ARGV[1] then
			    redis.call('pexpire', key, ARGV[2])
			    kept[i] = 1
			  elseif not holder then
			    redis.call('set', key, ARGV[1], 'px', ARGV[2])
			    kept[i] = 1
			  else
			    kept[i] = 0
			  end
			end
			return kept
			""", List.class);

	/** Takes free leases in the order given, up to ARGV[3] of them; returns the indexes of the keys taken. */
	private static final RedisScript<List> CLAIM = RedisScript.of("""
			local taken = {}
			for i, key in ipairs(KEYS) do
			  if #taken >= tonumber(ARGV[3]) then
			    break
			  end
			  if redis.call('set', key, ARGV[1], 'nx', 'px', ARGV[2]) then
			    taken[#taken + 1] = i - 1
			  end
			end
			return taken
			""", List.class);

	/** Deletes the leases this process still holds. */
	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			local released = 0
			for _, key in ipairs(KEYS) do
			  if redis.call('get', key) == ARGV[1] then
			    released = released + redis.call('del', key)
			  end
			end
			return released
			""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final String owner;

	private final int maxShards;

	private final Duration leaseDuration;

	private final ScheduledExecutorService leaseThread;

	/** The shards this process holds leases for; used on the lease thread only. */
	private final TreeSet<Integer> held = new TreeSet<>();

	private ShardManager shards;

	private int shardCount;

	private ScheduledFuture<?> rounds;

	private String redisRunId;

	private long claimsAllowedAtNanos;

	private volatile String problem;

	private volatile boolean standby;

	private volatile boolean claimsWaiting;

	/**
	 * @param redis where the leases live
	 * @param keys the bot's key names
	 * @param owner this process's id, unique among the bot's processes
	 * @param maxShards the most shards this process runs
	 * @param leaseDuration how long a lease lasts without renewal: the time a crashed process's shards wait
	 */
	public ShardLeases(StringRedisTemplate redis, RedisKeys keys, String owner, int maxShards,
			Duration leaseDuration) {
		if (maxShards < 1) {
			throw new IllegalArgumentException("maxShards must be at least 1, was " + maxShards);
		}
		if (leaseDuration.toMillis() < 300) {
			throw new IllegalArgumentException("The lease duration must be at least 300 ms, was " + leaseDuration);
		}
		this.redis = redis;
		this.keys = keys;
		this.owner = Objects.requireNonNull(owner, "owner");
		this.maxShards = maxShards;
		this.leaseDuration = leaseDuration;
		this.leaseThread = CoordinationThreads.single("discord-gateway-redis-leases");
	}

	@Override
	public void start(int shardCount, ShardManager shards) {
		this.leaseThread.execute(() -> {
			this.shards = shards;
			this.shardCount = shardCount;
			if (this.rounds == null) {
				long period = this.leaseDuration.toMillis() / 3;
				this.rounds = this.leaseThread.scheduleWithFixedDelay(this::round, 0, period, TimeUnit.MILLISECONDS);
			}
		});
	}

	@Override
	public void stop() {
		try {
			this.leaseThread.submit(this::release).get(this.leaseDuration.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			logger.warn("Could not release the shard leases; they expire within {}", this.leaseDuration, ex);
		}
	}

	@Override
	public String problem() {
		return this.problem;
	}

	@Override
	public String standby() {
		if (!this.standby) {
			return null;
		}
		return this.claimsWaiting ? "this process runs no shard; after Redis was unreachable or restarted, it gives "
				+ "the running processes one lease duration to take their leases again, then claims free shards"
				: "every shard this process may claim is held by another process; it takes over shards as they are "
						+ "released or their leases expire";
	}

	/**
	 * This process's id, the value of the lease keys it holds.
	 */
	public String owner() {
		return this.owner;
	}

	/**
	 * Hears that a write of the shard's session was refused because its lease does not name this process (see
	 * {@link RedisSessionStore}): checks the leases at once rather than at the next round, so that a shard another
	 * process took over stops here without delay. Returns at once.
	 */
	public void writeFencedOff(int shardId) {
		try {
			this.leaseThread.execute(() -> {
				if (this.rounds != null && this.held.contains(shardId)) {
					round();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			logger.debug("Closed: shard {}'s lease is not checked again", shardId);
		}
	}

	/**
	 * The shards this process holds leases for (a snapshot taken on the lease thread).
	 */
	public List<Integer> heldShards() {
		try {
			return this.leaseThread.submit(() -> List.copyOf(this.held)).get(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return List.of();
		}
		catch (ExecutionException | TimeoutException ex) {
			return List.of();
		}
	}

	/**
	 * Stops the lease thread; call after {@link #stop()}.
	 */
	@Override
	public void close() {
		this.leaseThread.shutdownNow();
	}

	private void round() {
		try {
			noticeRestart();
			renew();
			// A process that runs no shard stands by, also while its claims wait after an outage or a restart.
			this.claimsWaiting = !claim();
			this.standby = this.held.isEmpty();
			this.problem = null;
		}
		catch (RuntimeException ex) {
			this.standby = false;
			if (this.problem == null) {
				logger.warn("Redis is unavailable: the {} running shards keep running, and no shard is claimed until it "
						+ "answers: {}", this.held.size(), ex.getMessage());
			}
			this.problem = "Redis is unavailable (" + ex.getMessage() + "): running shards keep running, "
					+ "no shard is claimed";
			holdClaims();
		}
	}

	/** A restarted Redis may have lost the leases: claims wait until their holders have taken them again. */
	private void noticeRestart() {
		Properties info = this.redis.execute((RedisCallback<Properties>) this::serverInfo);
		String runId = (info != null) ? info.getProperty("run_id") : null;
		if (this.redisRunId != null && !this.redisRunId.equals(runId)) {
			logger.info("Redis restarted; shards are claimed again after {}", this.leaseDuration);
			holdClaims();
		}
		this.redisRunId = runId;
	}

	/**
	 * The server section of INFO from the Redis that holds this bot's keys. On a Redis Cluster that is the node
	 * serving their hash slot: a cluster-wide INFO prefixes every field with a node's address, and only that
	 * node's restart can lose the leases.
	 */
	private Properties serverInfo(RedisConnection connection) {
		if (connection instanceof RedisClusterConnection cluster) {
			RedisClusterNode node = cluster.clusterCommands()
				.clusterGetNodeForKey(this.keys.shardLease(0).getBytes(StandardCharsets.UTF_8));
			return cluster.serverCommands().info(node, "server");
		}
		return connection.serverCommands().info("server");
	}

	private void holdClaims() {
		this.claimsAllowedAtNanos = System.nanoTime() + this.leaseDuration.toNanos();
	}

	private void renew() {
		if (this.held.isEmpty()) {
			return;
		}
		List<Integer> ids = List.copyOf(this.held);
		List<?> kept = this.redis.execute(RENEW, ids.stream().map(this.keys::shardLease).toList(), this.owner,
				Long.toString(this.leaseDuration.toMillis()));
		for (int i = 0; i < ids.size(); i++) {
			if (((Number) kept.get(i)).longValue() == 0) {
				int lost = ids.get(i);
				logger.warn("Shard {}'s lease was taken by another process; stopping it here", lost);
				this.held.remove(lost);
				// Its listeners get one renewal period: waiting longer here would let this process's other leases lapse.
				this.shards.stopShard(lost, this.leaseDuration.dividedBy(3));
			}
		}
	}

	/**
	 * Claims free shards up to the maximum and starts them.
	 * @return whether this process knows now how many shards it may run: it holds its maximum, or it looked for
	 * free shards (not while claims wait after Redis was unreachable or restarted)
	 */
	private boolean claim() {
		int wanted = Math.min(this.maxShards, this.shardCount) - this.held.size();
		if (wanted <= 0) {
			return true;
		}
		if (System.nanoTime() - this.claimsAllowedAtNanos < 0) {
			return false;
		}
		List<Integer> free = new ArrayList<>();
		for (int id = 0; id < this.shardCount; id++) {
			if (!this.held.contains(id)) {
				free.add(id);
			}
		}
		List<?> taken = this.redis.execute(CLAIM, free.stream().map(this.keys::shardLease).toList(), this.owner,
				Long.toString(this.leaseDuration.toMillis()), Integer.toString(wanted));
		for (Object index : taken) {
			int id = free.get(((Number) index).intValue());
			this.held.add(id);
			logger.info("Claimed shard {}", id);
			if (!this.shards.startShard(id)) {
				logger.info("Not starting shard {}: the client is stopping", id);
			}
		}
		return true;
	}

	private void release() {
		if (this.rounds != null) {
			this.rounds.cancel(false);
			this.rounds = null;
		}
		if (this.held.isEmpty()) {
			return;
		}
		List<String> leases = this.held.stream().map(this.keys::shardLease).toList();
		// The shards have stopped with the manager; forgotten, they cannot start again here unless claimed again.
		this.held.forEach((id) -> this.shards.stopShard(id, Duration.ZERO));
		this.held.clear();
		Long released = this.redis.execute(RELEASE, leases, this.owner);
		logger.info("Released {} shard leases", released);
	}

}
