package io.github.discordgateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.event.DispatchListener;
import io.github.discordgateway.event.MessageCreateEvent;
import io.github.discordgateway.protocol.UpdatePresence;
import io.github.discordgateway.session.ShardSettings;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.RestCall;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The client as a plain Java program uses it: no Spring context, the simulator over real WebSockets.
 */
class DiscordGatewayClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final DispatchListener IGNORE = (event) -> {
	};

	@Test
	void aPlainProgramReceivesDispatchesAndItsThreadsEndWhenTheClientCloses() {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		List<DispatchEvent> received = new CopyOnWriteArrayList<>();
		try (GatewaySimulator simulator = GatewaySimulator.start()) {
			DiscordGatewayClient client = DiscordGatewayClient.builder()
				.token("Bot " + simulator.options().token())
				.restBaseUrl(simulator.restBaseUrl().toString())
				.eventSink(received::add)
				.build();
			client.start();
			SimulatedSession session = simulator.awaitReady(TIMEOUT);
			session.dispatch("MESSAGE_CREATE", Map.of("id", "1300000000000000100", "channel_id",
					"1300000000000000002", "content", "hello", "author", Map.of("id", "1300000000000000003", "username",
							"someone")));
			await().atMost(TIMEOUT)
				.until(() -> received.stream().anyMatch((event) -> event instanceof MessageCreateEvent));
			assertThat(received.get(0).getName()).isEqualTo("READY");
			assertThat(client.isReady()).isTrue();
			assertThat(newClientThreads(before)).isNotEmpty();
			client.close();
			assertThat(client.isRunning()).isFalse();
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(newClientThreads(before)).isEmpty());
			assertThatIllegalStateException().isThrownBy(client::start);
		}
	}

	@Test
	void tokenIsRequired() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DiscordGatewayClient.builder().token(" ").eventSink(IGNORE).build())
			.withMessageContaining("token is required");
	}

	@Test
	void eventSinkIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> DiscordGatewayClient.builder().token("t").build())
			.withMessageContaining("eventSink is required");
	}

	@Test
	void settingsThatCannotWorkAreRejectedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> valid().largeThreshold(251).build())
			.withMessageContaining("largeThreshold must be from 50 to 250");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().shards(2, List.of(2)).build())
			.withMessageContaining("shard ids must be from 0 to shard count - 1");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().maxMessageSize(1024).build())
			.withMessageContaining("maxMessageSize must be at least 64 KB");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().eventQueueCapacity(0).build())
			.withMessageContaining("eventQueueCapacity must be at least 1");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().eventQueueMaxBytes(0).build())
			.withMessageContaining("eventQueueMaxBytes must be at least 1");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().maxDeliveryThreads(0).build())
			.withMessageContaining("maxDeliveryThreads must be at least 1");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().stuckListenerThreshold(Duration.ZERO).build())
			.withMessageContaining("stuckListenerThreshold must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> valid().reconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
			.withMessageContaining("backoff max must not be below the base");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> valid().invalidSessionDelay(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
			.withMessageContaining("invalid session delay max must not be below the min");
	}

	@Test
	void aGatewayUrlNoConnectionCanOpenIsRejectedAtBuildTime() {
		assertThatIllegalArgumentException().isThrownBy(() -> valid().gatewayUrl("https://gateway.discord.gg").build())
			.withMessageContaining("gatewayUrl 'https://gateway.discord.gg' must start with wss://");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().gatewayUrl("gateway.discord.gg").build())
			.withMessageContaining("gatewayUrl 'gateway.discord.gg' has no scheme");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().gatewayUrl("%%garbage%%").build())
			.withMessageContaining("gatewayUrl '%%garbage%%' is not a URL");
	}

	@Test
	void aPresenceThatMakesIdentifyTooLargeIsRejectedAtBuildTime() {
		UpdatePresence presence = new UpdatePresence(null,
				List.of(new UpdatePresence.Activity("x".repeat(4000), 0, null, null)), "online", false);
		assertThatIllegalArgumentException().isThrownBy(() -> valid().presence(presence).build())
			.withMessageContaining("presence is too large: Identify would be up to")
			.withMessageContaining("4096");
		valid().presence(new UpdatePresence(null, List.of(new UpdatePresence.Activity("x".repeat(3000), 0, null, null)),
				"online", false)).build().close();
	}

	@Test
	void theDefaultJitterSourceIsUniformInZeroToOneAndNotConstant() {
		List<Double> values = java.util.stream.DoubleStream.generate(DiscordGatewayClient.Builder.UNIFORM_RANDOM)
			.limit(20)
			.boxed()
			.toList();
		assertThat(values).allSatisfy((value) -> assertThat(value).isGreaterThanOrEqualTo(0).isLessThan(1));
		assertThat(values.stream().distinct().count()).as("distinct values in 20 draws").isGreaterThan(1);
	}

	@Test
	void shardsStartFromDiscordsDefaultsAndTheDefaultJitterSource() {
		ShardSettings settings = valid().shardTemplate("t");
		assertThat(settings.connection().invalidSessionDelayMin()).as("op 9 wait min").isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.connection().invalidSessionDelayMax()).as("op 9 wait max").isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.connection().maxFailedResumes()).isEqualTo(3);
		assertThat(settings.connection().backoff().base()).isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.connection().backoff().max()).isEqualTo(Duration.ofSeconds(60));
		assertThat(settings.connection().backoff().random()).isSameAs(DiscordGatewayClient.Builder.UNIFORM_RANDOM);
		assertThat(settings.connection().helloTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.identify().largeThreshold()).isEqualTo(50);
		assertThat(settings.connection().compress()).isEqualTo("zlib-stream");
	}

	@Test
	void theJitterSourceTimesTheFirstHeartbeatOverTheWire() {
		SimulatorOptions options = SimulatorOptions.builder().heartbeatInterval(Duration.ofSeconds(60)).build();
		AtomicInteger draws = new AtomicInteger();
		try (GatewaySimulator simulator = GatewaySimulator.start(options);
				DiscordGatewayClient client = DiscordGatewayClient.builder()
					.token(simulator.options().token())
					.restBaseUrl(simulator.restBaseUrl().toString())
					.eventSink(IGNORE)
					.random(() -> {
						draws.incrementAndGet();
						return 0.0;
					})
					.build()) {
			client.start();
			simulator.awaitReady(TIMEOUT);
			// The heartbeat started at Hello, before READY. A random source of the client's own would still beat
			// within the timeout one time in three: only the draws from the source given tell it apart every time.
			assertThat(draws).as("draws from the jitter source given").hasPositiveValue();
			// A constant 0.5 would wait 30 s: the beat comes at once only if the jitter source is used.
			assertThat(simulator.awaitFrame(1, TIMEOUT)).isNotNull();
		}
	}

	@Test
	void aGatewayBotServerErrorIsRetriedWithBackoffUntilTheShardsAreReady() {
		try (GatewaySimulator simulator = GatewaySimulator.start();
				DiscordGatewayClient client = fixedJitterClient(simulator, 0.9)) {
			simulator.failNextRestRequests(2, 502);
			client.start();
			simulator.awaitReady(TIMEOUT);
			await().atMost(TIMEOUT).until(client::isReady);
			List<RestCall> calls = gatewayBotCalls(simulator);
			assertThat(calls).extracting(RestCall::status).containsExactly(502, 502, 200);
			// Measured where the requests arrive: each retry waits at least its backoff after the failure.
			assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(1).receivedAt()))
				.as("first retry: base 1 s * 0.9").isGreaterThanOrEqualTo(Duration.ofMillis(900));
			assertThat(Duration.between(calls.get(1).receivedAt(), calls.get(2).receivedAt()))
				.as("second retry: 2 s * 0.9").isGreaterThanOrEqualTo(Duration.ofMillis(1800));
		}
	}

	@Test
	void aGatewayBotNetworkFailureIsRetriedWithBackoffUntilTheShardsAreReady() {
		try (GatewaySimulator simulator = GatewaySimulator.start();
				DiscordGatewayClient client = fixedJitterClient(simulator, 0.9)) {
			// The HTTP client may retry a dropped GET once by itself before the bot sees the failure.
			simulator.dropNextRestRequests(2);
			client.start();
			simulator.awaitReady(TIMEOUT);
			await().atMost(TIMEOUT).until(client::isReady);
			List<RestCall> calls = gatewayBotCalls(simulator);
			assertThat(calls).extracting(RestCall::status).containsExactly(RestCall.DROPPED, RestCall.DROPPED, 200);
			assertThat(Duration.between(calls.get(1).receivedAt(), calls.get(2).receivedAt()))
				.as("the bot's retry waits its backoff").isGreaterThanOrEqualTo(Duration.ofMillis(900));
		}
	}

	private static DiscordGatewayClient fixedJitterClient(GatewaySimulator simulator, double jitter) {
		return DiscordGatewayClient.builder()
			.token(simulator.options().token())
			.restBaseUrl(simulator.restBaseUrl().toString())
			.eventSink(IGNORE)
			.reconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60))
			.random(() -> jitter)
			.build();
	}

	private static List<RestCall> gatewayBotCalls(GatewaySimulator simulator) {
		return simulator.restCalls().stream().filter((call) -> call.path().endsWith("/gateway/bot")).toList();
	}

	@Test
	void theTokenStaysOutOfToString() {
		try (DiscordGatewayClient client = valid().token("secret-token").build()) {
			assertThat(client.toString()).doesNotContain("secret-token");
		}
	}

	private static DiscordGatewayClient.Builder valid() {
		return DiscordGatewayClient.builder().token("t").eventSink(IGNORE);
	}

	/**
	 * The client's threads (timer, bootstrap, delivery) and the WebSocket container's, started since
	 * {@code before}.
	 */
	private static Set<String> newClientThreads(Set<Thread> before) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> !before.contains(thread) && thread.isAlive())
			.map(Thread::getName)
			.filter((name) -> name.startsWith("discord-gateway-") || name.startsWith("WebSocketClient-"))
			.collect(Collectors.toSet());
	}

}
