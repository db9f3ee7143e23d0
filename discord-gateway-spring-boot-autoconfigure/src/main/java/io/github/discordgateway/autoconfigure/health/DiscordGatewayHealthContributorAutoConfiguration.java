package io.github.discordgateway.autoconfigure.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.health.DiscordGatewayHealthIndicator;
import io.github.discordgateway.sharding.ShardManager;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code discordGateway} health indicator.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DiscordGatewayAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ShardManager.class)
@ConditionalOnEnabledHealthIndicator("discordgateway")
public final class DiscordGatewayHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "discordGatewayHealthIndicator")
	DiscordGatewayHealthIndicator discordGatewayHealthIndicator(ShardManager shardManager) {
		return new DiscordGatewayHealthIndicator(shardManager);
	}

}
