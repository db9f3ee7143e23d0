package io.github.discordgateway.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import io.github.discordgateway.autoconfigure.health.DiscordGatewayHealthContributorAutoConfiguration;
import io.github.discordgateway.autoconfigure.health.DiscordGatewayHealthIndicator;
import io.github.discordgateway.autoconfigure.metrics.DiscordGatewayMetrics;
import io.github.discordgateway.autoconfigure.metrics.DiscordGatewayMetricsAutoConfiguration;
import io.github.discordgateway.protocol.Intent;
import io.github.discordgateway.sharding.ShardManager;

import static org.assertj.core.api.Assertions.assertThat;

class DiscordGatewayAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class,
				DiscordGatewayMetricsAutoConfiguration.class, DiscordGatewayHealthContributorAutoConfiguration.class))
		.withPropertyValues("discord.token=test-token", "discord.gateway.auto-startup=false");

	@Test
	void configuresTheGatewayClientFromProperties() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ShardManager.class)
				.hasSingleBean(DiscordGatewayLifecycle.class)
				.hasSingleBean(PropertiesDiscordConnectionDetails.class)
				.hasBean("discordRestClient")
				.hasBean("discordGatewayWebSocketClient");
			assertThat(context.getBean(DiscordConnectionDetails.class).getRestBaseUrl())
				.isEqualTo("https://discord.com/api/v10");
			assertThat(context.getBean(DiscordGatewayLifecycle.class).isAutoStartup()).isFalse();
		});
	}

	@Test
	void defaultsToEveryNonPrivilegedIntent() {
		this.contextRunner.run((context) -> assertThat(context.getBean(DiscordProperties.class).getGateway().getIntents())
			.containsExactlyInAnyOrderElementsOf(Intent.nonPrivileged())
			.doesNotContain(Intent.GUILD_MEMBERS, Intent.GUILD_PRESENCES, Intent.MESSAGE_CONTENT));
	}

	@Test
	void bindsIntentsByName() {
		this.contextRunner.withPropertyValues("discord.gateway.intents=GUILDS,guild-messages,MESSAGE_CONTENT")
			.run((context) -> assertThat(context.getBean(DiscordProperties.class).getGateway().getIntents())
				.containsExactlyInAnyOrder(Intent.GUILDS, Intent.GUILD_MESSAGES, Intent.MESSAGE_CONTENT));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("discord.gateway.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ShardManager.class)
				.doesNotHaveBean(DiscordGatewayHealthIndicator.class));
	}

	@Test
	void backsOffWithoutAWebSocketClient() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebSocketClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ShardManager.class));
	}

	@Test
	void userConnectionDetailsWin() {
		this.contextRunner.withBean(DiscordConnectionDetails.class, () -> new DiscordConnectionDetails() {
			@Override
			public String getToken() {
				return "other";
			}

			@Override
			public String getRestBaseUrl() {
				return "http://127.0.0.1:9/api/v10";
			}
		}).run((context) -> assertThat(context).hasSingleBean(DiscordConnectionDetails.class)
			.doesNotHaveBean(PropertiesDiscordConnectionDetails.class));
	}

	@Test
	void userWebSocketClientAndRestClientWin() {
		StandardWebSocketClient client = new StandardWebSocketClient();
		RestClient restClient = RestClient.create();
		this.contextRunner.withBean("discordGatewayWebSocketClient", WebSocketClient.class, () -> client)
			.withBean("discordRestClient", RestClient.class, () -> restClient)
			.run((context) -> {
				assertThat(context.getBean("discordGatewayWebSocketClient")).isSameAs(client);
				assertThat(context.getBean("discordRestClient")).isSameAs(restClient);
			});
	}

	@Test
	void failsWithAnExplanationWhenTheTokenIsMissing() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
			.withPropertyValues("discord.token= ")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().isInstanceOf(DiscordTokenMissingException.class);
				FailureAnalysis analysis = new DiscordTokenMissingFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("no bot token");
				assertThat(analysis.getAction()).contains("discord.token", "DISCORD_TOKEN", "discord.gateway.enabled=false");
			});
	}

	@Test
	void registersMetricsAsAGatewayObserver() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasSingleBean(DiscordGatewayMetrics.class));
	}

	@Test
	void registersTheHealthIndicator() {
		this.contextRunner.run((context) -> assertThat(context).hasBean("discordGatewayHealthIndicator"));
	}

	@Test
	void healthIndicatorCanBeDisabled() {
		this.contextRunner.withPropertyValues("management.health.discordgateway.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DiscordGatewayHealthIndicator.class));
	}

}
