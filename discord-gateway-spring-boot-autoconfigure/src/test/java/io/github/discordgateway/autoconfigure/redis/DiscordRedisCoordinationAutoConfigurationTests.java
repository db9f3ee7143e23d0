package io.github.discordgateway.autoconfigure.redis;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import io.github.discordgateway.IdentifyQueueFactory;
import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.redis.RedisIdentifyQueueFactory;
import io.github.discordgateway.redis.ShardLeases;
import io.github.discordgateway.sharding.ShardOwnership;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the Redis coordination is configured; nothing here connects to Redis.
 */
class DiscordRedisCoordinationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				DiscordRedisCoordinationAutoConfiguration.class, DiscordGatewayAutoConfiguration.class))
		.withPropertyValues("discord.token=test-token", "discord.gateway.auto-startup=false");

	@Test
	void withoutTheModeEachProcessQueuesItsOwnIdentifies() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(IdentifyQueueFactory.class)
				.doesNotHaveBean(RedisIdentifyQueueFactory.class)
				.doesNotHaveBean(ShardOwnership.class);
		});
	}

	@Test
	void theRedisModeSharesIdentifiesAndLeasesShardsOnBootsRedisConnection() {
		this.contextRunner.withPropertyValues("discord.gateway.coordination.mode=redis").run((context) -> {
			assertThat(context).hasSingleBean(RedisConnectionFactory.class);
			assertThat(context.getBean(IdentifyQueueFactory.class)).isInstanceOf(RedisIdentifyQueueFactory.class);
			assertThat(context).hasSingleBean(ShardLeases.class);
		});
	}

	@Test
	void theRedisModeWithoutARedisConnectionFailsRatherThanIdentifyUncoordinated() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DiscordRedisCoordinationAutoConfiguration.class,
					DiscordGatewayAutoConfiguration.class))
			.withPropertyValues("discord.token=test-token", "discord.gateway.auto-startup=false",
					"discord.gateway.coordination.mode=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(RedisConnectionFactory.class.getName()));
	}

	@Test
	void anApplicationsOwnIdentifyQueueFactoryWins() {
		this.contextRunner.withPropertyValues("discord.gateway.coordination.mode=redis")
			.withBean("myQueues", IdentifyQueueFactory.class, IdentifyQueueFactory::local)
			.run((context) -> assertThat(context).doesNotHaveBean(RedisIdentifyQueueFactory.class));
	}

}
