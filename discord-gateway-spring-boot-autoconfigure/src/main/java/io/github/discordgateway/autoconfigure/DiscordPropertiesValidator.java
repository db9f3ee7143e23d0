package io.github.discordgateway.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.ClassUtils;

import io.github.discordgateway.sharding.ShardIds;
import io.github.discordgateway.transport.GatewayUrl;
import io.github.discordgateway.transport.compression.TransportCompression;

/**
 * Rejects gateway settings that Discord would refuse or that cannot work, at start-up and by property name, so
 * Boot's failure analysis says what to change. A large threshold out of range, for one, would otherwise close
 * every connection with 4001 and resume in a loop. The client's builder checks the same settings again, by its own
 * names, for applications that build it themselves.
 */
final class DiscordPropertiesValidator {

	private static final String ZSTD_JNI = "com.github.luben:zstd-jni";

	private static final String ZSTD_JNI_CLASS = "com.github.luben.zstd.ZstdDecompressCtx";

	private DiscordPropertiesValidator() {
	}

	static void validate(DiscordProperties.Gateway gateway) {
		if (gateway.getUrl() != null) {
			String problem = GatewayUrl.problem(gateway.getUrl());
			check(problem == null, "discord.gateway.url", gateway.getUrl(),
					"it " + problem + " (e.g. wss://gateway.discord.gg; or leave it unset to use the URL Discord names)");
		}
		check(gateway.getLargeThreshold() >= 50 && gateway.getLargeThreshold() <= 250,
				"discord.gateway.large-threshold", gateway.getLargeThreshold(), "Discord accepts 50 to 250");
		Integer shardCount = gateway.getShardCount();
		check(shardCount == null || shardCount >= 1, "discord.gateway.shard-count", shardCount, "must be at least 1");
		List<Integer> shardIds = shardIds(gateway);
		check(shardIds.isEmpty() || shardCount != null, "discord.gateway.shard-ids", gateway.getShardIds(),
				"needs 'discord.gateway.shard-count' too: ids are meaningless without the count");
		for (Integer shardId : shardIds) {
			check(shardCount != null && shardId < shardCount, "discord.gateway.shard-ids", gateway.getShardIds(),
					"every id must be from 0 to shard-count - 1");
		}
		DiscordProperties.Coordination coordination = gateway.getCoordination();
		Integer maxShards = coordination.getMaxShards();
		check(maxShards == null || maxShards >= 1, "discord.gateway.coordination.max-shards", maxShards,
				"must be at least 1");
		check(coordination.getLeaseDuration().toMillis() >= 300, "discord.gateway.coordination.lease-duration",
				coordination.getLeaseDuration(), "must be at least 300ms (it is renewed every third of it)");
		check(coordination.getKeyPrefix() != null && !coordination.getKeyPrefix().isBlank(),
				"discord.gateway.coordination.key-prefix", coordination.getKeyPrefix(), "must not be blank");
		check(gateway.getEventQueueCapacity() >= 1, "discord.gateway.event-queue-capacity",
				gateway.getEventQueueCapacity(), "must be at least 1");
		check(gateway.getEventQueueMaxBytes().toBytes() >= 1, "discord.gateway.event-queue-max-bytes",
				gateway.getEventQueueMaxBytes(), "must be at least 1B");
		check(gateway.getDelivery().getMaxThreads() >= 1, "discord.gateway.delivery.max-threads",
				gateway.getDelivery().getMaxThreads(), "must be at least 1");
		positive(gateway.getStuckListenerThreshold(), "discord.gateway.stuck-listener-threshold");
		check(gateway.getMaxMessageSize().toKilobytes() >= 64, "discord.gateway.max-message-size",
				gateway.getMaxMessageSize(), "must be at least 64KB: READY alone can be larger");
		positive(gateway.getMemberRequestTimeout(), "discord.gateway.member-request-timeout");
		DiscordProperties.Reconnect reconnect = gateway.getReconnect();
		positive(reconnect.getBackoffBase(), "discord.gateway.reconnect.backoff-base");
		check(reconnect.getBackoffMax().compareTo(reconnect.getBackoffBase()) >= 0,
				"discord.gateway.reconnect.backoff-max", reconnect.getBackoffMax(), "must not be below backoff-base");
		check(reconnect.getMaxFailedResumes() >= 1, "discord.gateway.reconnect.max-failed-resumes",
				reconnect.getMaxFailedResumes(), "must be at least 1");
		check(!reconnect.getInvalidSessionDelayMin().isNegative(),
				"discord.gateway.reconnect.invalid-session-delay-min", reconnect.getInvalidSessionDelayMin(),
				"must not be negative");
		check(reconnect.getInvalidSessionDelayMax().compareTo(reconnect.getInvalidSessionDelayMin()) >= 0,
				"discord.gateway.reconnect.invalid-session-delay-max", reconnect.getInvalidSessionDelayMax(),
				"must not be below invalid-session-delay-min");
		check(!gateway.getShutdown().getTimeout().isNegative(), "discord.gateway.shutdown.timeout",
				gateway.getShutdown().getTimeout(), "must not be negative");
	}

	/**
	 * Refuses a transport compression the application cannot use: zstd-stream without zstd-jni (an optional
	 * dependency) on the application's class path, or with a native library that does not load here.
	 * @param compression {@code discord.gateway.compression}
	 * @param classLoader the application's class loader
	 */
	static void requireAvailable(TransportCompression compression, ClassLoader classLoader) {
		String name = "discord.gateway.compression";
		check(compression != TransportCompression.ZSTD_STREAM || ClassUtils.isPresent(ZSTD_JNI_CLASS, classLoader),
				name, compression.queryValue(),
				"it needs " + ZSTD_JNI + " on the class path: add that dependency, or use zlib-stream");
		try {
			compression.requireAvailable();
		}
		catch (IllegalStateException ex) {
			throw new InvalidConfigurationPropertyValueException(name, compression.queryValue(), ex.getMessage());
		}
	}

	/**
	 * The shard ids of {@code discord.gateway.shard-ids}, ranges read.
	 */
	static List<Integer> shardIds(DiscordProperties.Gateway gateway) {
		try {
			return ShardIds.parse(gateway.getShardIds());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("discord.gateway.shard-ids",
					String.join(",", gateway.getShardIds()), ex.getMessage());
		}
	}

	private static void positive(Duration value, String name) {
		check(value.toMillis() > 0, name, value, "must be positive");
	}

	private static void check(boolean valid, String name, Object value, String reason) {
		if (!valid) {
			throw new InvalidConfigurationPropertyValueException(name, value, reason);
		}
	}

}
