package io.github.discordgateway.autoconfigure.actuate;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.discordgateway.actuate.DiscordGatewayEndpoint;
import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.sharding.ShardManager;

import static org.assertj.core.api.Assertions.assertThat;

class DiscordGatewayEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class,
				DiscordGatewayEndpointAutoConfiguration.class))
		.withPropertyValues("discord.token=test-token", "discord.gateway.auto-startup=false");

	@Test
	void theEndpointIsNotThereUnlessExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(DiscordGatewayEndpoint.class));
	}

	@Test
	void theEndpointIsThereWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=discordgateway")
			.run((context) -> assertThat(context).hasSingleBean(DiscordGatewayEndpoint.class));
	}

	@Test
	void backsOffWithoutTheGateway() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=discordgateway",
				"discord.gateway.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DiscordGatewayEndpoint.class));
	}

	@Test
	void backsOffWithoutActuator() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=discordgateway")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.endpoint"))
			.run((context) -> assertThat(context).doesNotHaveBean(DiscordGatewayEndpoint.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwn() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=discordgateway")
			.withUserConfiguration(OwnEndpoint.class)
			.run((context) -> assertThat(context).getBean(DiscordGatewayEndpoint.class)
				.isSameAs(context.getBean("myEndpoint")));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnEndpoint {

		@Bean
		DiscordGatewayEndpoint myEndpoint(ShardManager shardManager) {
			return new DiscordGatewayEndpoint(shardManager);
		}

	}

}
