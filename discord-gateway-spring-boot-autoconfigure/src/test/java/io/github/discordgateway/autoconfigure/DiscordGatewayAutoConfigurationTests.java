package io.github.discordgateway.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.Ordered;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.client.RestClient;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import io.github.discordgateway.DiscordGatewayClient;
import io.github.discordgateway.IdentifyQueueFactory;
import io.github.discordgateway.autoconfigure.health.DiscordGatewayHealthContributorAutoConfiguration;
import io.github.discordgateway.health.DiscordGatewayHealthIndicator;
import io.github.discordgateway.metrics.DiscordGatewayMetrics;
import io.github.discordgateway.autoconfigure.metrics.DiscordGatewayMetricsAutoConfiguration;
import io.github.discordgateway.command.DiscordGateway;
import io.github.discordgateway.event.DispatchListener;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.Intent;
import io.github.discordgateway.protocol.UpdatePresence;
import io.github.discordgateway.session.IdentifyQueue;
import io.github.discordgateway.session.InMemorySessionStore;
import io.github.discordgateway.session.SessionStore;
import io.github.discordgateway.sharding.ShardManager;
import io.github.discordgateway.transport.compression.TransportCompression;

import static org.assertj.core.api.Assertions.assertThat;

class DiscordGatewayAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class,
				DiscordGatewayMetricsAutoConfiguration.class, DiscordGatewayHealthContributorAutoConfiguration.class))
		.withPropertyValues("discord.token=test-token", "discord.gateway.auto-startup=false");

	@Test
	void configuresTheGatewayClientFromProperties() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(DiscordGatewayClient.class)
				.hasSingleBean(ShardManager.class)
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
	void userCollaboratorsWin() {
		GatewayJson json = new GatewayJson();
		DispatchListener sink = (event) -> {
		};
		IdentifyQueueFactory queues = (limit, timers) -> IdentifyQueue.NONE;
		SessionStore sessions = new InMemorySessionStore();
		this.contextRunner.withBean(GatewayJson.class, () -> json)
			.withBean(DispatchListener.class, () -> sink)
			.withBean(IdentifyQueueFactory.class, () -> queues)
			.withBean(SessionStore.class, () -> sessions)
			.run((context) -> {
				assertThat(context).getBean(GatewayJson.class).isSameAs(json);
				assertThat(context).getBean(DispatchListener.class).isSameAs(sink);
				assertThat(context).getBean(IdentifyQueueFactory.class).isSameAs(queues);
				assertThat(context).getBean(SessionStore.class).isSameAs(sessions);
				assertThat(context).hasSingleBean(DiscordGatewayClient.class);
			});
	}

	@Test
	void userClientWinsAndItsViewsAreOffered() {
		DiscordGatewayClient client = DiscordGatewayClient.builder().token("other").eventSink((event) -> {
		}).build();
		this.contextRunner.withBean("myClient", DiscordGatewayClient.class, () -> client).run((context) -> {
			assertThat(context).getBean(DiscordGatewayClient.class).isSameAs(client);
			assertThat(context).getBean(ShardManager.class).isSameAs(client.shardManager());
			assertThat(context).getBean(DiscordGateway.class).isSameAs(client.gateway());
		});
	}

	@Test
	void offersNoExecutorToTheApplication() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(Executor.class)
			.doesNotHaveBean(ScheduledExecutorService.class)
			.doesNotHaveBean(TaskScheduler.class));
	}

	@Test
	void restAndWebSocketClientsAreNotDefaultCandidates() {
		this.contextRunner.run((context) -> {
			assertThat(definition(context, "discordRestClient").isDefaultCandidate()).isFalse();
			assertThat(definition(context, "discordGatewayWebSocketClient").isDefaultCandidate()).isFalse();
		});
	}

	@Test
	void applicationRestClientInjectsByTypeBesideTheDiscordOne() {
		RestClient own = RestClient.create();
		this.contextRunner.withBean("ownRestClient", RestClient.class, () -> own)
			.withBean(RestClientUser.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(RestClientUser.class).restClient).isSameAs(own);
				assertThat(context.getBean("discordRestClient")).isNotSameAs(own);
			});
	}

	@Test
	void customizersApplyToTheClientBuilderInOrder() {
		List<String> applied = new ArrayList<>();
		this.contextRunner
			.withBean("second", DiscordGatewayClientCustomizer.class,
					() -> new OrderedCustomizer(2, () -> applied.add("second")))
			.withBean("first", DiscordGatewayClientCustomizer.class,
					() -> new OrderedCustomizer(1, () -> applied.add("first")))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(applied).containsExactly("first", "second");
			});
	}

	@Test
	void aCustomizerSettingWhatCannotWorkFailsWithTheBuildersReason() {
		this.contextRunner
			.withBean(DiscordGatewayClientCustomizer.class, () -> (builder) -> builder.largeThreshold(10))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("largeThreshold"));
	}

	@Test
	void validatesSettingsByPropertyNameEvenWhenTheClientIsReplaced() {
		DiscordGatewayClient client = DiscordGatewayClient.builder().token("other").eventSink((event) -> {
		}).build();
		this.contextRunner.withBean(DiscordGatewayClient.class, () -> client)
			.withPropertyValues("discord.gateway.large-threshold=10")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("discord.gateway.large-threshold"));
	}

	private static AbstractBeanDefinition definition(AssertableApplicationContext context, String name) {
		return (AbstractBeanDefinition) context.getBeanFactory().getBeanDefinition(name);
	}

	static class RestClientUser {

		final RestClient restClient;

		RestClientUser(RestClient restClient) {
			this.restClient = restClient;
		}

	}

	record OrderedCustomizer(int order, Runnable onCustomize) implements DiscordGatewayClientCustomizer, Ordered {

		@Override
		public void customize(DiscordGatewayClient.Builder builder) {
			this.onCustomize.run();
		}

		@Override
		public int getOrder() {
			return this.order;
		}

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
