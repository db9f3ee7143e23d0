package io.github.discordgateway.autoconfigure.redis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.util.StringUtils;

import io.github.discordgateway.autoconfigure.DiscordConnectionDetails;
import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.autoconfigure.DiscordTokenMissingException;
import io.github.discordgateway.redis.BotKey;
import io.github.discordgateway.redis.RedisSessionStore;
import io.github.discordgateway.session.SessionStore;

/**
 * Keeps the shards' sessions in Redis when {@code discord.gateway.session.store=redis}, on the connection Spring
 * Boot configures from {@code spring.data.redis.*}, so that a restarted or replacing process resumes them.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = DiscordGatewayAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ RedisSessionStore.class, RedisConnectionFactory.class })
@ConditionalOnBooleanProperty(name = "discord.gateway.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "discord.gateway.session.store", havingValue = "redis")
public final class DiscordRedisSessionStoreAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SessionStore discordRedisSessionStore(RedisConnectionFactory redisConnectionFactory,
			DiscordConnectionDetails connectionDetails) {
		String token = connectionDetails.getToken();
		if (!StringUtils.hasText(token) || token.contains("${")) {
			throw new DiscordTokenMissingException();
		}
		return new RedisSessionStore(redisConnectionFactory, BotKey.fromToken(token));
	}

}
