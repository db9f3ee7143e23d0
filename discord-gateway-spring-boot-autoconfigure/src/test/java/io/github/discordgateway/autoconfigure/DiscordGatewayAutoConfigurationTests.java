package io.github.discordgateway.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.Ordered;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.client.RestClient;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import io.github.discordgateway.ConfiguredBuilder;
import io.github.discordgateway.DiscordGatewayClient;
import io.github.discordgateway.IdentifyQueueFactory;
import io.github.discordgateway.autoconfigure.health.DiscordGatewayHealthContributorAutoConfiguration;
import io.github.discordgateway.health.DiscordGatewayHealthIndicator;
import io.github.discordgateway.metrics.DiscordGatewayMetrics;
import io.github.discordgateway.autoconfigure.metrics.DiscordGatewayMetricsAutoConfiguration;
import io.github.discordgateway.command.DiscordGateway;
import io.github.discordgateway.event.DeliveryExecutor;
import io.github.discordgateway.event.DispatchListener;
import io.github.discordgateway.event.DispatchQueue;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.Intent;
import io.github.discordgateway.protocol.UpdatePresence;
import io.github.discordgateway.session.IdentifyQueue;
import io.github.discordgateway.session.InMemorySessionStore;
import io.github.discordgateway.session.SessionStore;
import io.github.discordgateway.session.ShardSettings;
import io.github.discordgateway.sharding.ShardManager;
import io.github.discordgateway.sharding.ShardOwnership;
import io.github.discordgateway.simulator.GatewayConnection;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.RestCall;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.transport.compression.TransportCompression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DiscordGatewayAutoConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class,
				DiscordGatewayMetricsAutoConfiguration.class, DiscordGatewayHealthContributorAutoConfiguration.class))
		.withPropertyValues("discord.token=test-token", "discord.gateway.auto-startup=false");

	@Test
	void configuresTheGatewayClientFromProperties() {
		AtomicReference<DiscordGatewayClient.Builder> configured = new AtomicReference<>();
		this.contextRunner
			.withPropertyValues("discord.gateway.intents=GUILDS,GUILD_MESSAGES", "discord.gateway.large-threshold=100",
					"discord.gateway.compression=zstd-stream", "discord.gateway.event-queue-capacity=77",
					"discord.gateway.hello-timeout=7s", "discord.gateway.presence.status=idle",
					"discord.gateway.reconnect.backoff-base=2s", "discord.gateway.reconnect.backoff-max=20s",
					"discord.gateway.reconnect.max-failed-resumes=5",
					"discord.gateway.reconnect.invalid-session-delay-min=2s",
					"discord.gateway.reconnect.invalid-session-delay-max=4s", "discord.gateway.delivery.max-threads=7")
			// Runs after the properties were applied, so it sees the builder as they left it.
			.withBean(DiscordGatewayClientCustomizer.class, () -> configured::set)
			.run((context) -> {
				assertThat(context).hasSingleBean(DiscordGatewayClient.class)
					.hasSingleBean(ShardManager.class)
					.hasSingleBean(DiscordGatewayLifecycle.class)
					.hasSingleBean(PropertiesDiscordConnectionDetails.class)
					.hasBean("discordRestClient")
					.hasBean("discordGatewayWebSocketClient");
				assertThat(context.getBean(DiscordConnectionDetails.class).getRestBaseUrl())
					.isEqualTo("https://discord.com/api/v10");
				assertThat(context.getBean(DiscordGatewayLifecycle.class).isAutoStartup()).isFalse();
				ShardSettings settings = ConfiguredBuilder.shardTemplate(configured.get());
				assertThat(settings.identify().intents()).isEqualTo(Intent.bitfield(Set.of(Intent.GUILDS, Intent.GUILD_MESSAGES)));
				assertThat(settings.identify().largeThreshold()).isEqualTo(100);
				assertThat(settings.connection().compress()).isEqualTo("zstd-stream");
				assertThat(settings.delivery().queueCapacity()).isEqualTo(77);
				assertThat(settings.connection().helloTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(settings.identify().presence().status()).isEqualTo("idle");
				assertThat(settings.connection().backoff().base()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.connection().backoff().max()).isEqualTo(Duration.ofSeconds(20));
				assertThat(settings.connection().maxFailedResumes()).isEqualTo(5);
				assertThat(settings.connection().invalidSessionDelayMin()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.connection().invalidSessionDelayMax()).isEqualTo(Duration.ofSeconds(4));
				assertThat(ConfiguredBuilder.maxDeliveryThreads(configured.get())).isEqualTo(7);
			});
	}

	@Test
	void dispatchesAreObservedByDefaultWhenMicrometerTracingIsOnTheClassPath() {
		ObservationRegistry registry = ObservationRegistry.create();
		AtomicReference<DiscordGatewayClient.Builder> configured = new AtomicReference<>();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(DiscordGatewayClientCustomizer.class, () -> configured::set)
			.run((context) -> assertThat(ConfiguredBuilder.dispatchObservationRegistry(configured.get()))
				.isSameAs(registry));
	}

	@Test
	void dispatchesAreNotObservedByDefaultWithMetersOnly() {
		AtomicReference<DiscordGatewayClient.Builder> configured = new AtomicReference<>();
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.tracing"))
			.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.withBean(DiscordGatewayClientCustomizer.class, () -> configured::set)
			.run((context) -> assertThat(ConfiguredBuilder.dispatchObservationRegistry(configured.get()))
				.isSameAs(ObservationRegistry.NOOP));
	}

	@ParameterizedTest
	@CsvSource({ "true, false", "false, true" })
	void theObservationPropertyDecidesWhateverIsOnTheClassPath(boolean enabled, boolean tracingPresent) {
		ObservationRegistry registry = ObservationRegistry.create();
		AtomicReference<DiscordGatewayClient.Builder> configured = new AtomicReference<>();
		ApplicationContextRunner runner = tracingPresent ? this.contextRunner
				: this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.tracing"));
		runner.withPropertyValues("discord.gateway.delivery.observation-enabled=" + enabled)
			.withBean(ObservationRegistry.class, () -> registry)
			.withBean(DiscordGatewayClientCustomizer.class, () -> configured::set)
			.run((context) -> assertThat(ConfiguredBuilder.dispatchObservationRegistry(configured.get()))
				.isSameAs(enabled ? registry : ObservationRegistry.NOOP));
	}

	@Test
	void theDeliveryThreadsDefaultToTheClients() {
		AtomicReference<DiscordGatewayClient.Builder> configured = new AtomicReference<>();
		this.contextRunner.withBean(DiscordGatewayClientCustomizer.class, () -> configured::set)
			.run((context) -> assertThat(ConfiguredBuilder.maxDeliveryThreads(configured.get()))
				.isEqualTo(DeliveryExecutor.DEFAULT_MAX_THREADS));
	}

	@Test
	void theEventQueueCapacityDefaultsToTheClients() {
		AtomicReference<DiscordGatewayClient.Builder> configured = new AtomicReference<>();
		this.contextRunner.withBean(DiscordGatewayClientCustomizer.class, () -> configured::set)
			.run((context) -> assertThat(ConfiguredBuilder.shardTemplate(configured.get()).delivery().queueCapacity())
				.isEqualTo(DispatchQueue.DEFAULT_CAPACITY));
	}

	@Test
	void theReconnectDefaultsAreDiscords() {
		AtomicReference<DiscordGatewayClient.Builder> configured = new AtomicReference<>();
		this.contextRunner.withBean(DiscordGatewayClientCustomizer.class, () -> configured::set).run((context) -> {
			ShardSettings settings = ConfiguredBuilder.shardTemplate(configured.get());
			assertThat(settings.connection().invalidSessionDelayMin()).as("op 9 wait min").isEqualTo(Duration.ofSeconds(1));
			assertThat(settings.connection().invalidSessionDelayMax()).as("op 9 wait max").isEqualTo(Duration.ofSeconds(5));
			assertThat(settings.connection().backoff().base()).isEqualTo(Duration.ofSeconds(1));
			assertThat(settings.connection().helloTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(settings.connection().compress()).isEqualTo("zlib-stream");
		});
	}

	@Test
	void theClientConnectsAsConfiguredOverTheWire() {
		try (GatewaySimulator simulator = GatewaySimulator.start()) {
			this.contextRunner
				.withPropertyValues("discord.token=" + simulator.options().token(),
						"discord.rest.base-url=" + simulator.restBaseUrl(), "discord.gateway.url=" + simulator.gatewayUrl()
								+ "/from-properties",
						"discord.gateway.shard-count=2", "discord.gateway.shard-ids=1",
						"discord.gateway.intents=GUILDS,GUILD_MESSAGES", "discord.gateway.large-threshold=100",
						"discord.gateway.compression=none", "discord.gateway.presence.status=dnd")
				.run((context) -> {
					context.getBean(DiscordGatewayClient.class).start();
					SimulatedSession session = simulator.awaitReady(TIMEOUT);
					assertThat(session.shard()).contains(new SimulatedSession.Shard(1, 2));
					assertThat(session.intents()).isEqualTo(Intent.bitfield(Set.of(Intent.GUILDS, Intent.GUILD_MESSAGES)));
					assertThat(session.identify().path("large_threshold").asInt()).isEqualTo(100);
					assertThat(session.identify().path("presence").path("status").asString()).isEqualTo("dnd");
					GatewayConnection connection = simulator.connections().get(0);
					assertThat(connection.path()).isEqualTo("/from-properties");
					assertThat(connection.query()).as("compression none").doesNotContainKey("compress");
					assertThat(simulator.connections()).as("shard 0 is not run here").hasSize(1);
				});
		}
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
		try (GatewaySimulator simulator = GatewaySimulator.start()) {
			// The properties name another token and a closed port: only the user's details reach the simulator.
			this.contextRunner
				.withPropertyValues("discord.rest.base-url=http://127.0.0.1:9/api/v10",
						"discord.gateway.url=ws://127.0.0.1:9")
				.withBean(DiscordConnectionDetails.class, () -> new DiscordConnectionDetails() {
					@Override
					public String getToken() {
						return simulator.options().token();
					}

					@Override
					public String getRestBaseUrl() {
						return simulator.restBaseUrl().toString();
					}

					@Override
					public String getGatewayUrl() {
						return simulator.gatewayUrl() + "/from-connection-details";
					}
				})
				.run((context) -> {
					assertThat(context).hasSingleBean(DiscordConnectionDetails.class)
						.doesNotHaveBean(PropertiesDiscordConnectionDetails.class);
					context.getBean(DiscordGatewayClient.class).start();
					SimulatedSession session = simulator.awaitReady(TIMEOUT);
					assertThat(session.identify().path("token").asString()).isEqualTo(simulator.options().token());
					assertThat(simulator.connections().get(0).path()).isEqualTo("/from-connection-details");
					RestCall gatewayBot = simulator.restCalls().get(0);
					assertThat(gatewayBot.path()).isEqualTo("/api/v10/gateway/bot");
					assertThat(gatewayBot.header("Authorization")).hasValue("Bot " + simulator.options().token());
				});
		}
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
		try (GatewaySimulator simulator = GatewaySimulator.start()) {
			this.contextRunner
				.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
						CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
				.withPropertyValues("discord.token=" + simulator.options().token(),
						"discord.rest.base-url=" + simulator.restBaseUrl())
				.run((context) -> {
					assertThat(context).hasSingleBean(DiscordGatewayMetrics.class);
					context.getBean(DiscordGatewayClient.class).start();
					simulator.awaitReady(TIMEOUT);
					MeterRegistry registry = context.getBean(MeterRegistry.class);
					await().atMost(TIMEOUT)
						.untilAsserted(() -> assertThat(registry.find("discord.gateway.events").tag("type", "READY").counter())
							.as("READY counted by the observer")
							.isNotNull()
							.satisfies((counter) -> assertThat(counter.count()).isEqualTo(1)));
				});
		}
	}

	@Test
	void registersTheHealthIndicator() {
		this.contextRunner.run((context) -> assertThat(context).hasBean("discordGatewayHealthIndicator"));
	}

	@Test
	void aProcessThatRunsNoShardBecauseOthersHoldThemIsUpOnStandby() {
		try (GatewaySimulator simulator = GatewaySimulator.start()) {
			this.contextRunner
				.withPropertyValues("discord.token=" + simulator.options().token(),
						"discord.rest.base-url=" + simulator.restBaseUrl())
				.withBean(ShardOwnership.class, () -> new ClaimsNothing("every shard is held by another process"))
				.run((context) -> {
					context.getBean(DiscordGatewayClient.class).start();
					HealthIndicator indicator = context.getBean("discordGatewayHealthIndicator", HealthIndicator.class);
					await().atMost(TIMEOUT).until(() -> indicator.health(true).getStatus().equals(Status.UP));
					assertThat(indicator.health(true).getDetails())
						.containsEntry("standby", "every shard is held by another process")
						.containsEntry("shardsRunning", 0)
						.containsEntry("allShardsReady", false);
					assertThat(simulator.connections()).isEmpty();
				});
		}
	}

	@Test
	void aProcessThatRunsNoShardWithoutStandingByIsDown() {
		try (GatewaySimulator simulator = GatewaySimulator.start()) {
			this.contextRunner
				.withPropertyValues("discord.token=" + simulator.options().token(),
						"discord.rest.base-url=" + simulator.restBaseUrl())
				.withBean(ShardOwnership.class, () -> new ClaimsNothing(null))
				.run((context) -> {
					ShardManager shards = context.getBean(ShardManager.class);
					context.getBean(DiscordGatewayClient.class).start();
					await().atMost(TIMEOUT).until(() -> shards.shardCount() > 0);
					Health health = context.getBean("discordGatewayHealthIndicator", HealthIndicator.class)
						.health(true);
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails()).containsEntry("shardsRunning", 0).doesNotContainKey("standby");
				});
		}
	}

	/** Starts no shard, standing by or not. */
	private record ClaimsNothing(String standby) implements ShardOwnership {

		@Override
		public void start(int shardCount, ShardManager shards) {
		}

		@Override
		public void stop() {
		}

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
	void zstdStreamWithoutZstdJniFailsStartUpNamingThePropertyAndTheDependency() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("com.github.luben.zstd"))
			.withPropertyValues("discord.gateway.compression=zstd-stream")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("discord.gateway.compression")
				.hasMessageContaining("com.github.luben:zstd-jni"));
		this.contextRunner.withClassLoader(new FilteredClassLoader("com.github.luben.zstd"))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void readsShardIdsGivenAsIdsAndRanges() {
		this.contextRunner.withPropertyValues("discord.gateway.shard-count=32", "discord.gateway.shard-ids=0-3,20")
			.run((context) -> assertThat(DiscordPropertiesValidator
				.shardIds(context.getBean(DiscordProperties.class).getGateway())).containsExactly(0, 1, 2, 3, 20));
	}

	@Test
	void offersTheCommandGateway() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(DiscordGateway.class));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "discord.gateway.large-threshold=10|discord.gateway.large-threshold|50 to 250",
			"discord.gateway.shard-ids=0,1|discord.gateway.shard-ids|shard-count",
			"discord.gateway.shard-count=2,discord.gateway.shard-ids=2|discord.gateway.shard-ids|0 to shard-count - 1",
			"discord.gateway.shard-count=4,discord.gateway.shard-ids=0-x|discord.gateway.shard-ids|is neither",
			"discord.gateway.shard-count=4,discord.gateway.shard-ids=3-1|discord.gateway.shard-ids|ends before it starts",
			"discord.gateway.coordination.max-shards=0|discord.gateway.coordination.max-shards|at least 1",
			"discord.gateway.coordination.lease-duration=100ms|discord.gateway.coordination.lease-duration|at least 300ms",
			"discord.gateway.event-queue-capacity=0|discord.gateway.event-queue-capacity|at least 1",
			"discord.gateway.event-queue-max-bytes=0|discord.gateway.event-queue-max-bytes|at least 1B",
			"discord.gateway.delivery.max-threads=0|discord.gateway.delivery.max-threads|at least 1",
			"discord.gateway.stuck-listener-threshold=0s|discord.gateway.stuck-listener-threshold|positive",
			"discord.gateway.url=https://gateway.discord.gg|discord.gateway.url|must start with wss://",
			"discord.gateway.url=gateway.discord.gg|discord.gateway.url|no scheme",
			"discord.gateway.url=ws://%%garbage|discord.gateway.url|not a URL",
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
