package io.github.discordgateway.autoconfigure.redis;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import io.github.discordgateway.autoconfigure.DiscordConnectionDetails;
import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.autoconfigure.DiscordProperties;
import io.github.discordgateway.redis.RedisKeys;
import io.github.discordgateway.redis.RedisSessionStore;
import io.github.discordgateway.redis.ShardLeases;
import io.github.discordgateway.session.SessionStore;
import io.github.discordgateway.sharding.ShardIds;

/**
 * Keeps the shards' sessions in Redis when {@code discord.gateway.session.store=redis}, on the connection Spring
 * Boot configures from {@code spring.data.redis.*}, so that a restarted or replacing process resumes them. When
 * shard leases decide which shards this process runs ({@code discord.gateway.coordination.mode=redis} without
 * {@code discord.gateway.shard-ids}), a session is written only while this process holds the shard's lease.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = DiscordGatewayAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ RedisSessionStore.class, RedisConnectionFactory.class })
@ConditionalOnBooleanProperty(name = "discord.gateway.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "discord.gateway.session.store", havingValue = "redis")
@EnableConfigurationProperties(DiscordProperties.class)
public final class DiscordRedisSessionStoreAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SessionStore discordRedisSessionStore(RedisConnectionFactory redisConnectionFactory,
			DiscordConnectionDetails connectionDetails, DiscordProperties properties,
			ObjectProvider<ShardLeases> shardLeases) {
		RedisKeys keys = DiscordRedisKeys.of(properties, connectionDetails);
		// The leases decide which shards run only without fixed shard ids, as the client is built.
		ShardLeases leases = ShardIds.parse(properties.getGateway().getShardIds()).isEmpty()
				? shardLeases.getIfAvailable() : null;
		return (leases != null) ? new RedisSessionStore(redisConnectionFactory, keys, leases)
				: new RedisSessionStore(redisConnectionFactory, keys);
	}

}
