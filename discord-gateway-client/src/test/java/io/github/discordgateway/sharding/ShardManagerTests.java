package io.github.discordgateway.sharding;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.discordgateway.event.DeliveryExecutor;
import io.github.discordgateway.event.DispatchEventFactory;
import io.github.discordgateway.protocol.ConnectionProperties;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.rest.GatewayBot;
import io.github.discordgateway.session.Backoff;
import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.session.IdentifyQueue;
import io.github.discordgateway.session.InMemorySessionStore;
import io.github.discordgateway.session.ManualExecutor;
import io.github.discordgateway.session.ManualScheduler;
import io.github.discordgateway.session.Shard;
import io.github.discordgateway.session.ShardSettings;
import io.github.discordgateway.session.DispatchWatchdog;
import io.github.discordgateway.session.IdentifySettings;
import io.github.discordgateway.session.DeliverySettings;
import io.github.discordgateway.session.ConnectionSettings;
import io.github.discordgateway.session.ShardState;
import io.github.discordgateway.transport.GatewayTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The shard manager's bootstrap, on a manual clock and a transport that never connects.
 */
class ShardManagerTests {

	private final ManualScheduler scheduler = new ManualScheduler();

	private final GatewayJson json = new GatewayJson();

	private final AtomicInteger collaboratorSets = new AtomicInteger();

	private final AtomicInteger bootstraps = new AtomicInteger();

	private final CountDownLatch gatewayAnswers = new CountDownLatch(1);

	private final GatewayTransport silentTransport = (uri, handler) -> new CompletableFuture<>();

	private ShardManager manager;

	private String gatewayUrlFromDiscord = "ws://127.0.0.1:1";

	@AfterEach
	void stop() {
		this.gatewayAnswers.countDown();
		if (this.manager != null) {
			this.manager.stop(Duration.ofSeconds(1));
		}
	}

	private ShardManager manager() {
		return manager(ShardOwnership.fixed(List.of()));
	}

	private ShardManager manager(ShardOwnership ownership) {
		ShardSettings template = new ShardSettings(0, 1,
				new IdentifySettings("secret-token", 513, 50, new ConnectionProperties("linux", "lib", "lib"), null),
				new ConnectionSettings(null, ConnectionSettings.DEFAULT_HELLO_TIMEOUT,
						new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5), Duration.ofSeconds(1),
						Duration.ofSeconds(5), 3),
				DeliverySettings.withQueueCapacity(100), DispatchWatchdog.OFF);
		this.manager = new ShardManager(new ShardManager.Settings(null, 2, true), template, this.scheduler,
				(gatewayUrl, identifyQueue) -> {
					this.collaboratorSets.incrementAndGet();
					return new Shard.Collaborators(this.silentTransport, this.scheduler, this.json, identifyQueue,
							new InMemorySessionStore(), GatewayObserver.NONE, new ManualExecutor(), gatewayUrl,
							DispatchEventFactory.generic(this.json), () -> 0.5);
				}, () -> {
					this.bootstraps.incrementAndGet();
					try {
						this.gatewayAnswers.await(5, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return new GatewayBot(this.gatewayUrlFromDiscord, 2, new GatewayBot.SessionStartLimit(1000, 1000, 1000, 1));
				}, (limit) -> IdentifyQueue.NONE, (event) -> {
				}, DeliveryExecutor.pool(2), ownership);
		return this.manager;
	}

	@Test
	void aRestartWhileTheGatewayUrlIsBeingFetchedStartsOneSetOfShards() {
		manager();
		this.manager.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.bootstraps.get() == 1);
		this.manager.stop(Duration.ZERO);
		this.manager.start();
		this.gatewayAnswers.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.manager.statuses().size() == 2);
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
			.until(() -> this.collaboratorSets.get() == 1 && this.bootstraps.get() == 1);
		assertThat(this.manager.statuses()).extracting((status) -> status.shardId()).containsExactly(0, 1);
	}

	@Test
	void aGatewayUrlFromDiscordNoConnectionCanOpenLeavesEveryShardRetryingWithTheReasonNotHangingInConnecting() {
		this.gatewayUrlFromDiscord = "https://gateway.example";
		this.gatewayAnswers.countDown();
		manager().start();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.manager.statuses().size() == 2);
		assertThat(this.manager.statuses()).allSatisfy((status) -> {
			assertThat(status.state()).isEqualTo(ShardState.RECONNECT_WAIT);
			assertThat(status.reason()).contains("must start with wss://");
		});
		this.scheduler.advance(Duration.ofSeconds(30));
		assertThat(this.manager.statuses()).allSatisfy((status) -> assertThat(status.failedAttempts()).isGreaterThan(1));
	}

	@Test
	void shardsStartAndStopOneAtATimeOnceTheBootstrapHasFinished() {
		RecordingOwnership ownership = new RecordingOwnership();
		manager(ownership);
		assertThat(this.manager.startShard(1)).as("not started yet").isFalse();
		this.manager.start();
		this.gatewayAnswers.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> ownership.shardCount == 2);
		assertThat(this.manager.shardIds()).isEmpty();
		assertThat(this.manager.startShard(1)).isTrue();
		assertThat(this.manager.shardIds()).containsExactly(1);
		assertThat(this.manager.shard(1).status().state()).isNotEqualTo(ShardState.STOPPED);
		Shard first = this.manager.shard(1);
		assertThat(this.manager.stopShard(1, Duration.ofSeconds(1))).isTrue();
		assertThat(first.status().state()).isEqualTo(ShardState.STOPPED);
		assertThat(this.manager.shardIds()).isEmpty();
		assertThat(this.manager.stopShard(1, Duration.ofSeconds(1))).isFalse();
		assertThat(this.manager.startShard(0)).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> this.manager.startShard(2));
	}

	@Test
	void stoppingTheManagerStopsItsShardsBeforeTheOwnershipGivesThemUp() {
		RecordingOwnership ownership = new RecordingOwnership();
		manager(ownership);
		this.manager.start();
		this.gatewayAnswers.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> ownership.shardCount == 2);
		this.manager.startShard(0);
		Shard shard = this.manager.shard(0);
		ownership.onStop = () -> ownership.stateAtStop = shard.status().state();
		this.manager.stop(Duration.ofSeconds(1));
		assertThat(ownership.stateAtStop).isEqualTo(ShardState.STOPPED);
		assertThat(this.manager.startShard(1)).as("stopped").isFalse();
		this.manager = null;
	}

	private static final class RecordingOwnership implements ShardOwnership {

		volatile int shardCount;

		volatile Runnable onStop = () -> {
		};

		volatile ShardState stateAtStop;

		@Override
		public void start(int shardCount, ShardManager shards) {
			this.shardCount = shardCount;
		}

		@Override
		public void stop() {
			this.onStop.run();
		}

	}

}
