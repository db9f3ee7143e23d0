package io.github.discordgateway.it;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.simulator.ClientFrame;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SessionStartLimit;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several shards over the wire: the identify buckets of {@code max_concurrency}, and a process that runs only some
 * of the bot's shards.
 */
class ShardingIntegrationTests {

	/** Two rounds of identifies, 5 s apart, and room for a loaded machine. */
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void shardsOfDifferentBucketsIdentifyTogetherAndEachBucketWaitsItsTurn() {
		SimulatorOptions options = SimulatorOptions.builder().recommendedShards(4)
			.sessionStartLimit(new SessionStartLimit(1000, 1000, Duration.ofHours(4), 2))
			.build();
		try (GatewaySimulator simulator = GatewaySimulator.start(options)) {
			BotRunner.against(simulator).run((context) -> {
				await().atMost(TIMEOUT).until(() -> readyShards(simulator).size() == 4);
				List<Integer> identifyOrder = simulator.framesReceived(2).stream().map(ShardingIntegrationTests::shardOf)
					.toList();
				// The simulator answers an Identify inside its bucket's window with op 9: one each means none was.
				assertThat(identifyOrder).containsExactlyInAnyOrder(0, 1, 2, 3);
				assertThat(identifyOrder.subList(0, 2).stream().map((shard) -> shard % 2))
					.as("the buckets of the first two").containsExactlyInAnyOrder(0, 1);
				// Far below the 5 s one bucket would wait, far above what two connections take on a loaded machine.
				List<ClientFrame> identifies = simulator.framesReceived(2);
				assertThat(Duration.between(identifies.get(0).receivedAt(), identifies.get(1).receivedAt()))
					.as("the second bucket did not wait for the first").isLessThan(Duration.ofSeconds(4));
				assertThat(simulator.framesReceived(2)).allSatisfy(
						(identify) -> assertThat(identify.d().get("shard").get(1).asInt()).isEqualTo(4));
			});
		}
	}

	@Test
	void aProcessRunsOnlyTheShardsItIsGiven() {
		SimulatorOptions options = SimulatorOptions.builder().recommendedShards(4)
			.sessionStartLimit(new SessionStartLimit(1000, 1000, Duration.ofHours(4), 4))
			.build();
		try (GatewaySimulator simulator = GatewaySimulator.start(options)) {
			BotRunner.against(simulator, "discord.gateway.shard-count=4", "discord.gateway.shard-ids=1,3")
				.run((context) -> {
					await().atMost(TIMEOUT).until(() -> readyShards(simulator).size() == 2);
					assertThat(readyShards(simulator)).containsExactlyInAnyOrder(1, 3);
					assertThat(simulator.framesReceived(2)).hasSize(2);
				});
		}
	}

	private static List<Integer> readyShards(GatewaySimulator simulator) {
		return simulator.sessions().stream().filter(SimulatedSession::isConnected)
			.map((session) -> session.shard().orElseThrow().id()).toList();
	}

	private static int shardOf(ClientFrame identify) {
		return identify.d().get("shard").get(0).asInt();
	}

}
