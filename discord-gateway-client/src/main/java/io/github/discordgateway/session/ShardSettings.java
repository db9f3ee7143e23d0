package io.github.discordgateway.session;

import java.time.Duration;
import java.util.function.DoubleSupplier;

import io.github.discordgateway.protocol.ConnectionProperties;
import io.github.discordgateway.protocol.UpdatePresence;

/**
 * How a shard identifies and behaves.
 *
 * @param shardId this shard's id, from 0
 * @param shardCount the number of shards the bot runs
 * @param token the bot token (bare)
 * @param intents the intents bitfield
 * @param largeThreshold member count (50-250) above which offline members are not sent
 * @param properties what Identify says about the client
 * @param presence the presence to identify with, or {@code null}
 * @param compress the transport compression query value, or {@code null} for none
 * @param backoff waits between failed connection attempts
 * @param invalidSessionDelayMin the shortest wait before identifying after an Invalid Session
 * @param invalidSessionDelayMax the longest such wait
 * @param maxFailedResumes resumes refused in a row (after Hello) after which the session is given up for a new
 * Identify
 * @param eventQueueCapacity dispatches that may wait for the listener before the reader is paused
 * @param helloTimeout how long a connection attempt may take to bring Hello before it is given up and retried
 * @param watchdog what a session that ACKs heartbeats but brings no dispatch counts as, and whether it resumes
 */
public record ShardSettings(int shardId, int shardCount, String token, long intents, int largeThreshold,
		ConnectionProperties properties, UpdatePresence presence, String compress, Backoff backoff,
		Duration invalidSessionDelayMin, Duration invalidSessionDelayMax, int maxFailedResumes,
		int eventQueueCapacity, Duration helloTimeout, DispatchWatchdog watchdog) {

	/** How long a connection may take to bring Hello unless configured. */
	public static final Duration DEFAULT_HELLO_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Settings with the {@link #DEFAULT_HELLO_TIMEOUT default Hello deadline} and no dispatch watchdog.
	 */
	public ShardSettings(int shardId, int shardCount, String token, long intents, int largeThreshold,
			ConnectionProperties properties, UpdatePresence presence, String compress, Backoff backoff,
			Duration invalidSessionDelayMin, Duration invalidSessionDelayMax, int maxFailedResumes,
			int eventQueueCapacity) {
		this(shardId, shardCount, token, intents, largeThreshold, properties, presence, compress, backoff,
				invalidSessionDelayMin, invalidSessionDelayMax, maxFailedResumes, eventQueueCapacity,
				DEFAULT_HELLO_TIMEOUT, DispatchWatchdog.OFF);
	}

	/**
	 * These settings for another shard.
	 */
	public ShardSettings forShard(int id, int count) {
		return new ShardSettings(id, count, this.token, this.intents, this.largeThreshold, this.properties,
				this.presence, this.compress, this.backoff, this.invalidSessionDelayMin, this.invalidSessionDelayMax,
				this.maxFailedResumes, this.eventQueueCapacity, this.helloTimeout, this.watchdog);
	}

	/**
	 * These settings with another Hello deadline.
	 */
	public ShardSettings withHelloTimeout(Duration timeout) {
		return new ShardSettings(this.shardId, this.shardCount, this.token, this.intents, this.largeThreshold,
				this.properties, this.presence, this.compress, this.backoff, this.invalidSessionDelayMin,
				this.invalidSessionDelayMax, this.maxFailedResumes, this.eventQueueCapacity, timeout, this.watchdog);
	}

	/**
	 * These settings with another dispatch watchdog.
	 */
	public ShardSettings withWatchdog(DispatchWatchdog watchdog) {
		return new ShardSettings(this.shardId, this.shardCount, this.token, this.intents, this.largeThreshold,
				this.properties, this.presence, this.compress, this.backoff, this.invalidSessionDelayMin,
				this.invalidSessionDelayMax, this.maxFailedResumes, this.eventQueueCapacity, this.helloTimeout,
				watchdog);
	}

	/**
	 * The reconnect policy these settings describe.
	 * @param random uniform values in [0, 1), for the op 9 wait
	 */
	public ReconnectPolicy reconnectPolicy(DoubleSupplier random) {
		return new ReconnectPolicy(this.backoff, this.invalidSessionDelayMin, this.invalidSessionDelayMax,
				this.maxFailedResumes, random);
	}

	@Override
	public String toString() {
		return "ShardSettings[shard=" + this.shardId + "/" + this.shardCount + ", intents=" + this.intents + "]";
	}

}
