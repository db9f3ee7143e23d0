package io.github.discordgateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.event.DispatchListener;
import io.github.discordgateway.event.MessageCreateEvent;
import io.github.discordgateway.protocol.UpdatePresence;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SimulatedSession;

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
