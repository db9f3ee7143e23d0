package io.github.discordgateway.session;

import java.time.Duration;

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
 * @param maxFailedResumes failed resumes in a row after which the session is given up for a new Identify
 * @param eventQueueCapacity dispatches that may wait for the listener before the reader is paused
 */
public record ShardSettings(int shardId, int shardCount, String token, long intents, int largeThreshold,
		ConnectionProperties properties, UpdatePresence presence, String compress, Backoff backoff,
		Duration invalidSessionDelayMin, Duration invalidSessionDelayMax, int maxFailedResumes,
		int eventQueueCapacity) {

	/**
	 * These settings for another shard.
	 */
	public ShardSettings forShard(int id, int count) {
		return new ShardSettings(id, count, this.token, this.intents, this.largeThreshold, this.properties,
				this.presence, this.compress, this.backoff, this.invalidSessionDelayMin, this.invalidSessionDelayMax,
				this.maxFailedResumes, this.eventQueueCapacity);
	}

	@Override
	public String toString() {
		return "ShardSettings[shard=" + this.shardId + "/" + this.shardCount + ", intents=" + this.intents + "]";
	}

}
