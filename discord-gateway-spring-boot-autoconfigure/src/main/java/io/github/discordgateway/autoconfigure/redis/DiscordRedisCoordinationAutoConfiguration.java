package io.github.discordgateway.autoconfigure.redis;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.discordgateway.IdentifyQueueFactory;
import io.github.discordgateway.autoconfigure.DiscordConnectionDetails;
import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.autoconfigure.DiscordProperties;
import io.github.discordgateway.redis.RedisIdentifyQueueFactory;
import io.github.discordgateway.redis.ShardLeases;
import io.github.discordgateway.sharding.ShardOwnership;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the coordination of a bot's processes through Redis
 * ({@code discord.gateway.coordination.mode=redis}): identify buckets and the daily session start budget shared
 * by every process, and, unless {@code discord.gateway.shard-ids} fixes them, shards claimed by lease. Connects
 * through Boot's {@link RedisConnectionFactory} ({@code spring.data.redis.*}); without one, start-up fails rather
 * than identify uncoordinated.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = DiscordGatewayAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ RedisIdentifyQueueFactory.class, RedisConnectionFactory.class })
@ConditionalOnProperty(name = "discord.gateway.coordination.mode", havingValue = "redis")
@EnableConfigurationProperties(DiscordProperties.class)
public final class DiscordRedisCoordinationAutoConfiguration {

	private final DiscordProperties properties;

	private final DiscordProperties.Coordination coordination;

	DiscordRedisCoordinationAutoConfiguration(DiscordProperties properties) {
		this.properties = properties;
		this.coordination = properties.getGateway().getCoordination();
	}

	@Bean
	@ConditionalOnMissingBean(IdentifyQueueFactory.class)
	RedisIdentifyQueueFactory discordRedisIdentifyQueueFactory(RedisConnectionFactory connectionFactory,
			DiscordConnectionDetails connectionDetails) {
		return new RedisIdentifyQueueFactory(template(connectionFactory),
				DiscordRedisKeys.of(this.properties, connectionDetails));
	}

	@Bean
	@ConditionalOnMissingBean(ShardOwnership.class)
	ShardLeases discordShardLeases(RedisConnectionFactory connectionFactory,
			DiscordConnectionDetails connectionDetails) {
		Integer maxShards = this.coordination.getMaxShards();
		return new ShardLeases(template(connectionFactory), DiscordRedisKeys.of(this.properties, connectionDetails),
				processId(), (maxShards != null) ? maxShards : Integer.MAX_VALUE, this.coordination.getLeaseDuration());
	}

	/** A template of this configuration's own: the application's beans of the type stay its own. */
	private static StringRedisTemplate template(RedisConnectionFactory connectionFactory) {
		StringRedisTemplate template = new StringRedisTemplate(connectionFactory);
		template.afterPropertiesSet();
		return template;
	}

	/** Names this process in the leases it holds: readable in Redis, and unique even for two on one host. */
	private static String processId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

}
