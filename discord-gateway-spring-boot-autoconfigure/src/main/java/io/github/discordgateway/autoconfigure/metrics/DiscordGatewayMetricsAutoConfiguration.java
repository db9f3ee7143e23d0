package io.github.discordgateway.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.metrics.DiscordGatewayMetrics;
import io.github.discordgateway.metrics.DiscordRestMetrics;
import io.github.discordgateway.sharding.ShardManager;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the gateway's and the REST client's Micrometer meters.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = DiscordGatewayAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, ShardManager.class })
public final class DiscordGatewayMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DiscordGatewayMetrics discordGatewayMetrics(ObjectProvider<ShardManager> shardManager) {
		return new DiscordGatewayMetrics(shardManager::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	DiscordRestMetrics discordRestMetrics() {
		return new DiscordRestMetrics();
	}

}
