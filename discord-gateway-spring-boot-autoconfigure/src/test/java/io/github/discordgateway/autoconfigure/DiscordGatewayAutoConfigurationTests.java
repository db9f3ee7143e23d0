package io.github.discordgateway.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
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
import io.github.discordgateway.command.DiscordGateway;
import io.github.discordgateway.protocol.Intent;
import io.github.discordgateway.protocol.UpdatePresence;
import io.github.discordgateway.transport.compression.TransportCompression;
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
	void anUnresolvedPlaceholderIsAMissingToken() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
			.withPropertyValues("discord.token=${DISCORD_TOKEN_NOT_SET_IN_THIS_TEST}")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().isInstanceOf(DiscordTokenMissingException.class);
				FailureAnalysis analysis = new DiscordTokenMissingFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("placeholder");
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

	@Test
	void identifiesWithThePresenceFromProperties() {
		this.contextRunner
			.withPropertyValues("discord.gateway.presence.status=dnd", "discord.gateway.presence.activity.name=chess",
					"discord.gateway.presence.activity.type=competing", "discord.gateway.presence.afk=true")
			.run((context) -> {
				UpdatePresence presence = DiscordGatewayAutoConfiguration
					.initialPresence(context.getBean(DiscordProperties.class).getGateway().getPresence());
				assertThat(presence.status()).isEqualTo("dnd");
				assertThat(presence.afk()).isTrue();
				assertThat(presence.activities()).containsExactly(new UpdatePresence.Activity("chess", 5, null, null));
			});
	}

	@Test
	void customActivityShowsItsTextAsState() {
		DiscordProperties.Presence presence = new DiscordProperties.Presence();
		presence.getActivity().setName("Fixing bugs");
		presence.getActivity().setType(DiscordProperties.ActivityType.CUSTOM);
		assertThat(DiscordGatewayAutoConfiguration.initialPresence(presence).activities())
			.containsExactly(new UpdatePresence.Activity("Custom Status", 4, "Fixing bugs", null));
	}

	@Test
	void noPresenceConfiguredMeansNoneInIdentify() {
		assertThat(DiscordGatewayAutoConfiguration.initialPresence(new DiscordProperties.Presence())).isNull();
	}

	@Test
	void bindsCompressionByItsQueryValue() {
		this.contextRunner.withPropertyValues("discord.gateway.compression=zstd-stream")
			.run((context) -> assertThat(context.getBean(DiscordProperties.class).getGateway().getCompression())
				.isEqualTo(TransportCompression.ZSTD_STREAM));
		this.contextRunner.withPropertyValues("discord.gateway.compression=none")
			.run((context) -> assertThat(context.getBean(DiscordProperties.class).getGateway().getCompression())
				.isEqualTo(TransportCompression.NONE));
	}

	@Test
	void offersTheCommandGateway() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(DiscordGateway.class));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "discord.gateway.large-threshold=10|discord.gateway.large-threshold|50 to 250",
			"discord.gateway.shard-ids=0,1|discord.gateway.shard-ids|shard-count",
			"discord.gateway.shard-count=2,discord.gateway.shard-ids=2|discord.gateway.shard-ids|0 to shard-count - 1",
			"discord.gateway.event-queue-capacity=0|discord.gateway.event-queue-capacity|at least 1",
			"discord.gateway.reconnect.invalid-session-delay-max=10ms|discord.gateway.reconnect.invalid-session-delay-max|below" })
	void rejectsSettingsThatCannotWorkByPropertyName(String properties, String name, String reason) {
		this.contextRunner.withPropertyValues(properties.split(",(?=discord)")).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining(name)
				.hasMessageContaining(reason);
		});
	}

}
