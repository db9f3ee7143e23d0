package io.github.discordgateway.session;

import java.time.Duration;
import java.util.function.DoubleSupplier;

import io.github.discordgateway.event.DispatchQueue;
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
 * @param eventQueueMaxBytes bytes of dispatch data that may wait for the listener before the reader is paused
 * @param stuckListenerThreshold how long the listener may be busy with one event before it is reported stuck
 * @param sessionSaveInterval how often the sequence the listener reached is saved to the {@link SessionStore}
 * (besides at READY, RESUMED and stop)
 * @param watchdog what a session that ACKs heartbeats but brings no dispatch counts as, and whether it resumes
 */
public record ShardSettings(int shardId, int shardCount, String token, long intents, int largeThreshold,
		ConnectionProperties properties, UpdatePresence presence, String compress, Backoff backoff,
		Duration invalidSessionDelayMin, Duration invalidSessionDelayMax, int maxFailedResumes,
		int eventQueueCapacity, Duration helloTimeout, long eventQueueMaxBytes, Duration stuckListenerThreshold,
		Duration sessionSaveInterval, DispatchWatchdog watchdog) {

	/** How long a connection may take to bring Hello unless configured. */
	public static final Duration DEFAULT_HELLO_TIMEOUT = Duration.ofSeconds(30);

	/** How long the listener may be busy with one event before it is reported stuck, unless configured. */
	public static final Duration DEFAULT_STUCK_LISTENER_THRESHOLD = Duration.ofSeconds(30);

	/** How often the delivered sequence is saved unless configured. */
	public static final Duration DEFAULT_SESSION_SAVE_INTERVAL = Duration.ofSeconds(1);

	/**
	 * Settings with the {@link #DEFAULT_STUCK_LISTENER_THRESHOLD default stuck listener threshold}, the
	 * {@link DispatchQueue#DEFAULT_MAX_BYTES default byte bound of the event queue} and the
	 * {@link #DEFAULT_SESSION_SAVE_INTERVAL default save interval}, and no dispatch watchdog.
	 */
	public ShardSettings(int shardId, int shardCount, String token, long intents, int largeThreshold,
			ConnectionProperties properties, UpdatePresence presence, String compress, Backoff backoff,
			Duration invalidSessionDelayMin, Duration invalidSessionDelayMax, int maxFailedResumes,
			int eventQueueCapacity, Duration helloTimeout) {
		this(shardId, shardCount, token, intents, largeThreshold, properties, presence, compress, backoff,
				invalidSessionDelayMin, invalidSessionDelayMax, maxFailedResumes, eventQueueCapacity, helloTimeout,
				DispatchQueue.DEFAULT_MAX_BYTES, DEFAULT_STUCK_LISTENER_THRESHOLD, DEFAULT_SESSION_SAVE_INTERVAL,
				DispatchWatchdog.OFF);
	}

	/**
	 * Settings with the {@link #DEFAULT_HELLO_TIMEOUT default Hello deadline}.
	 */
	public ShardSettings(int shardId, int shardCount, String token, long intents, int largeThreshold,
			ConnectionProperties properties, UpdatePresence presence, String compress, Backoff backoff,
			Duration invalidSessionDelayMin, Duration invalidSessionDelayMax, int maxFailedResumes,
			int eventQueueCapacity) {
		this(shardId, shardCount, token, intents, largeThreshold, properties, presence, compress, backoff,
				invalidSessionDelayMin, invalidSessionDelayMax, maxFailedResumes, eventQueueCapacity,
				DEFAULT_HELLO_TIMEOUT);
	}

	/**
	 * These settings for another shard.
	 */
	public ShardSettings forShard(int id, int count) {
		return new ShardSettings(id, count, this.token, this.intents, this.largeThreshold, this.properties,
				this.presence, this.compress, this.backoff, this.invalidSessionDelayMin, this.invalidSessionDelayMax,
				this.maxFailedResumes, this.eventQueueCapacity, this.helloTimeout, this.eventQueueMaxBytes,
				this.stuckListenerThreshold, this.sessionSaveInterval, this.watchdog);
	}

	/**
	 * These settings with another Hello deadline.
	 */
	public ShardSettings withHelloTimeout(Duration timeout) {
		return new ShardSettings(this.shardId, this.shardCount, this.token, this.intents, this.largeThreshold,
				this.properties, this.presence, this.compress, this.backoff, this.invalidSessionDelayMin,
				this.invalidSessionDelayMax, this.maxFailedResumes, this.eventQueueCapacity, timeout,
				this.eventQueueMaxBytes, this.stuckListenerThreshold, this.sessionSaveInterval, this.watchdog);
	}

	/**
	 * These settings with another byte bound of the event queue and another stuck listener threshold.
	 */
	public ShardSettings withDelivery(long queueMaxBytes, Duration stuckThreshold) {
		return new ShardSettings(this.shardId, this.shardCount, this.token, this.intents, this.largeThreshold,
				this.properties, this.presence, this.compress, this.backoff, this.invalidSessionDelayMin,
				this.invalidSessionDelayMax, this.maxFailedResumes, this.eventQueueCapacity, this.helloTimeout,
				queueMaxBytes, stuckThreshold, this.sessionSaveInterval, this.watchdog);
	}

	/**
	 * These settings with another session save interval.
	 */
	public ShardSettings withSessionSaveInterval(Duration interval) {
		return new ShardSettings(this.shardId, this.shardCount, this.token, this.intents, this.largeThreshold,
				this.properties, this.presence, this.compress, this.backoff, this.invalidSessionDelayMin,
				this.invalidSessionDelayMax, this.maxFailedResumes, this.eventQueueCapacity, this.helloTimeout,
				this.eventQueueMaxBytes, this.stuckListenerThreshold, interval, this.watchdog);
	}

	/**
	 * These settings with another dispatch watchdog.
	 */
	public ShardSettings withWatchdog(DispatchWatchdog watchdog) {
		return new ShardSettings(this.shardId, this.shardCount, this.token, this.intents, this.largeThreshold,
				this.properties, this.presence, this.compress, this.backoff, this.invalidSessionDelayMin,
				this.invalidSessionDelayMax, this.maxFailedResumes, this.eventQueueCapacity, this.helloTimeout,
				this.eventQueueMaxBytes, this.stuckListenerThreshold, this.sessionSaveInterval, watchdog);
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
