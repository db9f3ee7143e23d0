package io.github.discordgateway.it;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.event.EventListener;

import io.github.discordgateway.autoconfigure.DiscordShardsReadyEvent;
import io.github.discordgateway.event.DeliveryExecutor;
import io.github.discordgateway.simulator.ClientFrame;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SessionStartLimit;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many shards in one process: identify pacing per bucket as the simulator sees it, the event and the health that
 * say all are ready, the daily session start budget, and 200 shards at once on a bounded number of threads.
 */
class ScaleOutIntegrationTests {

	/** Three identify windows of 5 s one after the other, and room for a loaded machine. */
	private static final Duration TIMEOUT = Duration.ofSeconds(45);

	@Test
	void withOneBucketFourShardsIdentifyFiveSecondsApartInShardOrderAndTheApplicationHearsWhenAllAreReady() {
		SimulatorOptions options = SimulatorOptions.builder().recommendedShards(4)
			.sessionStartLimit(new SessionStartLimit(1000, 1000, Duration.ofHours(4), 1))
			.build();
		try (GatewaySimulator simulator = GatewaySimulator.start(options)) {
			BotRunner.against(simulator).withBean(ReadyEvents.class).run((context) -> {
				await().atMost(TIMEOUT).until(() -> connectedShards(simulator).size() == 4);
				List<ClientFrame> identifies = simulator.framesReceived(2);
				// The simulator answers an Identify inside the window with op 9: one each means none was early.
				assertThat(identifies).hasSize(4);
				for (int i = 1; i < identifies.size(); i++) {
					assertThat(Duration.between(identifies.get(i - 1).receivedAt(), identifies.get(i).receivedAt()))
						.isGreaterThanOrEqualTo(Duration.ofSeconds(5));
				}
				// Started in order: the first turn waits for shard 0, whichever connection opened first.
				assertThat(identifies).extracting(ScaleOutIntegrationTests::shardOf).containsExactly(0, 1, 2, 3);
				assertThat(identifies).allSatisfy((identify) -> assertThat(identify.d().get("shard").get(1).asInt())
					.isEqualTo(4));
				ReadyEvents events = context.getBean(ReadyEvents.class);
				await().atMost(TIMEOUT).until(() -> events.received.size() == 1);
				assertThat(events.received.get(0).getShardIds()).containsExactly(0, 1, 2, 3);
				assertThat(events.received.get(0).getShardCount()).isEqualTo(4);
				HealthIndicator indicator = context.getBean("discordGatewayHealthIndicator", HealthIndicator.class);
				Health health = indicator.health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("allShardsReady", true);
				@SuppressWarnings("unchecked")
				Map<String, Map<String, Object>> shards = (Map<String, Map<String, Object>>) health.getDetails()
					.get("shards");
				assertThat(shards).containsOnlyKeys("0", "1", "2", "3")
					.allSatisfy((shard, details) -> assertThat(details).containsEntry("state", "READY"));
			});
		}
	}

	@Test
	void whenTheDailyBudgetWouldRunOutTheNextShardWaitsForTheResetAndHealthSaysSo() {
		SimulatorOptions options = SimulatorOptions.builder().recommendedShards(2)
			.sessionStartLimit(new SessionStartLimit(1000, 1, Duration.ofHours(4), 2))
			.build();
		try (GatewaySimulator simulator = GatewaySimulator.start(options)) {
			BotRunner.against(simulator).run((context) -> {
				await().atMost(TIMEOUT).until(() -> connectedShards(simulator).size() == 1);
				HealthIndicator indicator = context.getBean("discordGatewayHealthIndicator", HealthIndicator.class);
				await().atMost(TIMEOUT).until(() -> indicator.health(true).getDetails().containsKey("identify"));
				Health health = indicator.health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("identify").toString())
					.contains("daily session start budget (1000) is used up");
				await().during(Duration.ofSeconds(1)).atMost(TIMEOUT)
					.until(() -> simulator.framesReceived(2).size() == 1);
			});
		}
	}

	@Test
	void twoHundredShardsRunInOneProcessWithoutAThreadPerShard() {
		int shards = 200;
		SimulatorOptions options = SimulatorOptions.builder().recommendedShards(shards)
			.sessionStartLimit(new SessionStartLimit(1000, 1000, Duration.ofHours(4), shards))
			.build();
		try (GatewaySimulator simulator = GatewaySimulator.start(options)) {
			int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
			BotRunner.against(simulator, "discord.gateway.event-queue-capacity=64").run((context) -> {
				await().atMost(Duration.ofSeconds(120)).until(() -> connectedShards(simulator).size() == shards);
				HealthIndicator indicator = context.getBean("discordGatewayHealthIndicator", HealthIndicator.class);
				await().atMost(TIMEOUT).until(() -> indicator.health(true).getStatus().equals(Status.UP));
				assertThat(simulator.framesReceived(2)).hasSize(shards);
				System.gc();
				Runtime runtime = Runtime.getRuntime();
				int threads = ManagementFactory.getThreadMXBean().getThreadCount();
				Map<String, Long> byName = Thread.getAllStackTraces().keySet().stream()
					.collect(Collectors.groupingBy((thread) -> thread.getName().replaceAll("\\d+", "#"), TreeMap::new,
							Collectors.counting()));
				System.out.printf("%d shards ready: %d live threads (%d before the bot, simulator included), "
						+ "%d MB heap used; threads by name: %s%n", shards, threads, threadsBefore,
						(runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024), byName);
				// Delivery shares a bounded pool (virtual threads on Java 21 and later, which are not counted here).
				assertThat(byName.getOrDefault("discord-gateway-events-#", 0L))
					.isLessThanOrEqualTo(DeliveryExecutor.DEFAULT_MAX_THREADS);
				assertThat(threads - threadsBefore).as("threads the bot added for %d shards", shards)
					.isLessThan(shards / 2);
			});
		}
	}

	private static List<Integer> connectedShards(GatewaySimulator simulator) {
		return simulator.sessions().stream().filter(SimulatedSession::isConnected)
			.map((session) -> session.shard().orElseThrow().id()).toList();
	}

	private static int shardOf(ClientFrame identify) {
		return identify.d().get("shard").get(0).asInt();
	}

	static class ReadyEvents {

		final List<DiscordShardsReadyEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(DiscordShardsReadyEvent event) {
			this.received.add(event);
		}

	}

}
