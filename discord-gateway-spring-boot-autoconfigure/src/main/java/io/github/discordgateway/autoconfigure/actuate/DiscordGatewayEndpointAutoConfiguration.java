package io.github.discordgateway.autoconfigure.actuate;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.discordgateway.actuate.DiscordGatewayEndpoint;
import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.sharding.ShardManager;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code discordgateway} actuator endpoint.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DiscordGatewayAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(ShardManager.class)
@ConditionalOnAvailableEndpoint(DiscordGatewayEndpoint.class)
public final class DiscordGatewayEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DiscordGatewayEndpoint discordGatewayEndpoint(ShardManager shardManager) {
		return new DiscordGatewayEndpoint(shardManager);
	}

}
