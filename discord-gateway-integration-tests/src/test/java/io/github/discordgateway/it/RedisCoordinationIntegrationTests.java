package io.github.discordgateway.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.github.discordgateway.autoconfigure.redis.DiscordRedisCoordinationAutoConfiguration;
import io.github.discordgateway.redis.EmbeddedRedisServer;
import io.github.discordgateway.session.ShardState;
import io.github.discordgateway.session.ShardStatus;
import io.github.discordgateway.simulator.ClientFrame;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SessionStartLimit;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;
import io.github.discordgateway.sharding.ShardManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two processes of one bot (two application contexts) against one simulator and one real Redis.
 */
class RedisCoordinationIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(45);

	private static final Duration LEASE = Duration.ofSeconds(2);

	@RegisterExtension
	static final EmbeddedRedisServer redis = new EmbeddedRedisServer();

	/** Shards the simulator saw connected more than once at a time. */
	private final List<String> runTwice = new ArrayList<>();

	private static ApplicationContextRunner process(GatewaySimulator simulator, String... properties) {
		return BotRunner.against(simulator, properties)
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					DiscordRedisCoordinationAutoConfiguration.class))
			.withPropertyValues(redis.springProperties())
			.withPropertyValues("discord.gateway.coordination.mode=redis",
					"discord.gateway.coordination.lease-duration=" + LEASE.toMillis() + "ms");
	}

	@Test
	void twoProcessesThatSplitTheShardsNeverIdentifyTwoShardsOfOneBucketWithinFiveSeconds() {
		SimulatorOptions options = SimulatorOptions.builder().recommendedShards(4)
			.sessionStartLimit(new SessionStartLimit(1000, 1000, Duration.ofHours(4), 1))
			.build();
		try (GatewaySimulator simulator = GatewaySimulator.start(options)) {
			process(simulator, "discord.gateway.shard-count=4", "discord.gateway.shard-ids=0-1").run((first) ->
				process(simulator, "discord.gateway.shard-count=4", "discord.gateway.shard-ids=2,3").run((second) -> {
					await().atMost(Duration.ofSeconds(60)).until(() -> connectedShards(simulator).size() == 4);
					List<ClientFrame> identifies = simulator.framesReceived(2);
					// The simulator answers an Identify inside the window with op 9: one each means none was early.
					assertThat(identifies).hasSize(4);
					for (int i = 1; i < identifies.size(); i++) {
						assertThat(Duration.between(identifies.get(i - 1).receivedAt(), identifies.get(i).receivedAt()))
							.isGreaterThanOrEqualTo(Duration.ofSeconds(5));
					}
				}));
		}
	}

	@Test
	void withLeasesEveryShardRunsExactlyOnceAndADeadProcessesShardsAreTakenOverAfterTheLease() {
		SimulatorOptions options = SimulatorOptions.builder().recommendedShards(4)
			.sessionStartLimit(new SessionStartLimit(1000, 1000, Duration.ofHours(4), 4))
			.build();
		try (GatewaySimulator simulator = GatewaySimulator.start(options)) {
			process(simulator, "discord.gateway.coordination.max-shards=2").run((first) -> {
				awaitShards(simulator, () -> running(first).size() == 2);
				process(simulator, "discord.gateway.coordination.max-shards=4").run((second) -> {
					awaitShards(simulator, () -> connectedShards(simulator).size() == 4);
					assertThat(running(second)).hasSize(2).doesNotContainAnyElementsOf(running(first));
					assertThat(simulator.framesReceived(2)).as("one Identify per shard").hasSize(4);
					List<Integer> orphans = running(first);
					// A crash: the connection to Redis goes first, so nothing is released, then the shards end.
					first.getBean(LettuceConnectionFactory.class).stop();
					first.close();
					long crashed = System.nanoTime();
					awaitShards(simulator, () -> running(second).size() == 4
							&& connectedShards(simulator).size() == 4);
					assertThat(Duration.ofNanos(System.nanoTime() - crashed)).as("taken over after the lease")
						.isGreaterThanOrEqualTo(LEASE.dividedBy(2));
					assertThat(running(second)).containsAll(orphans);
				});
			});
		}
		assertThat(this.runTwice).as("shards connected twice at once").isEmpty();
	}

	@Test
	void aProcessThatFindsEveryShardHeldStandsByReportingUpAndTakesTheShardsOverWhenTheirProcessStops() {
		SimulatorOptions options = SimulatorOptions.builder().recommendedShards(2)
			.sessionStartLimit(new SessionStartLimit(1000, 1000, Duration.ofHours(4), 2))
			.build();
		try (GatewaySimulator simulator = GatewaySimulator.start(options)) {
			process(simulator).run((first) -> {
				awaitShards(simulator, () -> running(first).size() == 2 && connectedShards(simulator).size() == 2);
				process(simulator).run((second) -> {
					HealthIndicator health = second.getBean("discordGatewayHealthIndicator", HealthIndicator.class);
					await().atMost(TIMEOUT).until(() -> health.health(true).getDetails().containsKey("standby"));
					Health standby = health.health(true);
					assertThat(standby.getStatus()).isEqualTo(Status.UP);
					assertThat(standby.getDetails()).containsEntry("shardsRunning", 0)
						.containsEntry("allShardsReady", false);
					assertThat(standby.getDetails().get("standby").toString())
						.contains("held by another process");
					assertThat(first.getBean("discordGatewayHealthIndicator", HealthIndicator.class).health(true)
						.getDetails()).containsEntry("shardsRunning", 2).doesNotContainKey("standby");
					first.close();
					awaitShards(simulator, () -> running(second).size() == 2);
					await().atMost(TIMEOUT).until(() -> health.health(true).getStatus().equals(Status.UP)
							&& Boolean.TRUE.equals(health.health(true).getDetails().get("allShardsReady")));
					assertThat(health.health(true).getDetails()).containsEntry("shardsRunning", 2)
						.doesNotContainKey("standby");
				});
			});
		}
		assertThat(this.runTwice).as("shards connected twice at once").isEmpty();
	}

	@Test
	void whileRedisIsDownRunningShardsKeepRunningHealthSaysWhyAndCoordinationResumesWhenItIsBack() {
		SimulatorOptions options = SimulatorOptions.builder().recommendedShards(4)
			.sessionStartLimit(new SessionStartLimit(1000, 1000, Duration.ofHours(4), 4))
			.build();
		try (GatewaySimulator simulator = GatewaySimulator.start(options)) {
			process(simulator, "discord.gateway.coordination.max-shards=2").run((first) -> {
				awaitShards(simulator, () -> running(first).size() == 2);
				process(simulator, "discord.gateway.coordination.max-shards=2").run((second) -> {
					awaitShards(simulator, () -> connectedShards(simulator).size() == 4);
					HealthIndicator health = first.getBean("discordGatewayHealthIndicator", HealthIndicator.class);
					redis.stop();
					try {
						await().atMost(TIMEOUT).until(() -> String.valueOf(health.health(true).getDetails()
							.get("coordination")).startsWith("Redis is unavailable"));
						await().during(LEASE.multipliedBy(2)).atMost(TIMEOUT).until(() -> {
							recordRunTwice(simulator);
							return connectedShards(simulator).size() == 4;
						});
					}
					finally {
						redis.startAgain();
					}
					await().atMost(TIMEOUT).until(() -> !health.health(true).getDetails().containsKey("coordination"));
					await().during(LEASE.multipliedBy(2)).atMost(TIMEOUT).until(() -> {
						recordRunTwice(simulator);
						return connectedShards(simulator).size() == 4 && running(first).size() == 2
								&& running(second).size() == 2;
					});
					assertThat(simulator.framesReceived(2)).as("no shard identified again").hasSize(4);
				});
			});
		}
		assertThat(this.runTwice).as("shards connected twice at once").isEmpty();
	}

	private void awaitShards(GatewaySimulator simulator, java.util.concurrent.Callable<Boolean> condition) {
		await().atMost(TIMEOUT).until(() -> {
			recordRunTwice(simulator);
			return condition.call();
		});
	}

	private void recordRunTwice(GatewaySimulator simulator) {
		Map<Integer, Integer> connected = new HashMap<>();
		for (int shard : connectedShards(simulator)) {
			if (connected.merge(shard, 1, Integer::sum) > 1) {
				this.runTwice.add("shard " + shard);
			}
		}
	}

	/** The shards a process runs: those it started and has not stopped. */
	private static List<Integer> running(AssertableApplicationContext context) {
		return context.getBean(ShardManager.class).statuses().stream()
			.filter((status) -> status.state() != ShardState.STOPPED)
			.map(ShardStatus::shardId)
			.toList();
	}

	private static List<Integer> connectedShards(GatewaySimulator simulator) {
		return simulator.sessions().stream().filter(SimulatedSession::isConnected)
			.map((session) -> session.shard().orElseThrow().id()).toList();
	}

}
