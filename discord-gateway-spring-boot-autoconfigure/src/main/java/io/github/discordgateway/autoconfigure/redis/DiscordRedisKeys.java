package io.github.discordgateway.autoconfigure.redis;

import org.springframework.util.StringUtils;

import io.github.discordgateway.autoconfigure.DiscordConnectionDetails;
import io.github.discordgateway.autoconfigure.DiscordProperties;
import io.github.discordgateway.autoconfigure.DiscordTokenMissingException;
import io.github.discordgateway.redis.BotKey;
import io.github.discordgateway.redis.RedisKeys;

/**
 * The bot's keys in Redis: {@code discord.gateway.coordination.key-prefix}, then the bot's key, so that bots
 * sharing a Redis server never meet, whatever their prefix.
 */
final class DiscordRedisKeys {

	private DiscordRedisKeys() {
	}

	static RedisKeys of(DiscordProperties properties, DiscordConnectionDetails connectionDetails) {
		String token = connectionDetails.getToken();
		if (!StringUtils.hasText(token) || token.contains("${")) {
			throw new DiscordTokenMissingException();
		}
		return RedisKeys.forBot(properties.getGateway().getCoordination().getKeyPrefix(), BotKey.fromToken(token));
	}

}
