package io.github.discordgateway.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.discordgateway.event.DispatchEventFactory;
import io.github.discordgateway.event.DispatchQueue;
import io.github.discordgateway.protocol.CloseAction;
import io.github.discordgateway.protocol.ConnectionProperties;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.session.FakeTransport.FakeConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators and health checks use: reconnecting a shard on request, its {@link ShardActivity} (overdue
 * heartbeats, the dispatch watchdog) and the outcomes of its identifies and resumes.
 */
class ShardOperationsTests {

	private static final String GATEWAY = "wss://gateway.test";

	private static final String RESUME = "wss://resume.test";

	private static final String HELLO = "{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}";

	private static final String READY = "{\"op\":0,\"s\":1,\"t\":\"READY\",\"d\":{\"session_id\":\"abc\","
			+ "\"resume_gateway_url\":\"" + RESUME + "\"}}";

	private final ManualScheduler scheduler = new ManualScheduler();

	private final FakeTransport transport = new FakeTransport(this.scheduler::nanoTime);

	private final ManualExecutor callbacks = new ManualExecutor();

	private final List<String> attempts = new CopyOnWriteArrayList<>();

	private final List<CloseAction> reconnects = new CopyOnWriteArrayList<>();

	private final GatewayObserver observer = new GatewayObserver() {

		@Override
		public void sessionAttempted(int shardId, SessionAttempt attempt, boolean succeeded) {
			ShardOperationsTests.this.attempts.add(attempt + (succeeded ? " succeeded" : " failed"));
		}

		@Override
		public void reconnecting(int shardId, CloseAction action) {
			ShardOperationsTests.this.reconnects.add(action);
		}

	};

	private Shard shard;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.shard != null) {
			this.shard.stop(true);
			this.shard.queue().stop(Duration.ofSeconds(1));
		}
	}

	private Shard start(DispatchWatchdog watchdog) {
		GatewayJson json = new GatewayJson();
		ShardSettings settings = new ShardSettings(0, 1,
				new IdentifySettings("secret-token", 513, 50, new ConnectionProperties("linux", "lib", "lib"), null),
				new ConnectionSettings(null, ConnectionSettings.DEFAULT_HELLO_TIMEOUT,
						new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5), Duration.ofSeconds(1),
						Duration.ofSeconds(5), 3),
				DeliverySettings.withQueueCapacity(100), watchdog);
		this.shard = new Shard(settings,
				new Shard.Collaborators(this.transport, this.scheduler, json, IdentifyQueue.NONE,
						new InMemorySessionStore(), this.observer, this.callbacks, () -> GATEWAY,
						DispatchEventFactory.generic(json), () -> 0.5),
				new DispatchQueue(0, 100, (event) -> {
				}));
		this.shard.start();
		return this.shard;
	}

	private FakeConnection readyConnection(DispatchWatchdog watchdog) {
		start(watchdog);
		FakeConnection connection = this.transport.last();
		connection.receive(HELLO);
		connection.receive(READY);
		return connection;
	}

	/** Lets every heartbeat due in this time go out, each acknowledged at once. */
	private void beatAndAcknowledge(FakeConnection connection, Duration time) {
		for (int i = 0; i < time.toMillis() / 100; i++) {
			int before = connection.sentWithOp(1).size();
			this.scheduler.advance(Duration.ofMillis(100));
			if (connection.sentWithOp(1).size() > before) {
				connection.receive("{\"op\":11}");
			}
		}
	}

	@Test
	void reconnectToResumeLeavesTheConnectionResumablyAndResumesAtOnce() {
		FakeConnection first = readyConnection(DispatchWatchdog.OFF);
		assertThat(this.shard.reconnect(true)).isTrue();
		assertThat(first.closedWith).isEqualTo(Shard.RESUMABLE_CLOSE_CODE);
		this.scheduler.advance(Duration.ZERO);
		FakeConnection second = this.transport.last();
		assertThat(second).isNotSameAs(first);
		assertThat(second.uri.toString()).startsWith(RESUME);
		second.receive(HELLO);
		assertThat(second.sentWithOp(6)).hasSize(1);
		assertThat(second.sentWithOp(2)).isEmpty();
		this.callbacks.runAll();
		assertThat(this.reconnects).containsExactly(CloseAction.RESUME);
	}

	@Test
	void reconnectToIdentifyEndsTheSessionAtDiscordAndIdentifiesAnew() {
		FakeConnection first = readyConnection(DispatchWatchdog.OFF);
		assertThat(this.shard.reconnect(false)).isTrue();
		assertThat(first.closedWith).isEqualTo(1000);
		assertThat(this.shard.session()).isNull();
		this.scheduler.advance(Duration.ZERO);
		FakeConnection second = this.transport.last();
		assertThat(second.uri.toString()).startsWith(GATEWAY);
		second.receive(HELLO);
		this.callbacks.runAll();
		assertThat(second.sentWithOp(2)).hasSize(1);
		assertThat(second.sentWithOp(6)).isEmpty();
		assertThat(this.reconnects).containsExactly(CloseAction.IDENTIFY);
	}

	@Test
	void reconnectDuringAReconnectWaitConnectsAtOnce() {
		readyConnection(DispatchWatchdog.OFF).serverCloses(4000);
		this.scheduler.advance(Duration.ZERO);
		this.transport.last().serverCloses(4000);
		assertThat(this.shard.status().state()).isEqualTo(ShardState.RECONNECT_WAIT);
		int connections = this.transport.connections.size();
		assertThat(this.shard.reconnect(true)).isTrue();
		this.scheduler.advance(Duration.ZERO);
		assertThat(this.transport.connections).hasSize(connections + 1);
	}

	@Test
	void reconnectIsRefusedWhileTheShardIsStopped() {
		readyConnection(DispatchWatchdog.OFF);
		this.shard.stop(true);
		int connections = this.transport.connections.size();
		assertThat(this.shard.reconnect(true)).isFalse();
		this.scheduler.advance(Duration.ofSeconds(5));
		assertThat(this.transport.connections).hasSize(connections);
		assertThat(this.shard.status().state()).isEqualTo(ShardState.STOPPED);
	}

	@Test
	void identifiesAndResumesAreReportedWithTheirOutcome() {
		FakeConnection first = readyConnection(DispatchWatchdog.OFF);
		first.serverCloses(4000);
		this.scheduler.advance(Duration.ZERO);
		FakeConnection second = this.transport.last();
		second.receive(HELLO);
		second.receive("{\"op\":9,\"d\":false}");
		this.scheduler.advance(Duration.ofSeconds(5));
		FakeConnection third = this.transport.last();
		third.receive(HELLO);
		this.callbacks.runAll();
		third.receive(READY);
		this.callbacks.runAll();
		assertThat(this.attempts).containsExactly("IDENTIFY succeeded", "RESUME failed", "IDENTIFY succeeded");
	}

	@Test
	void aConnectionWhoseHeartbeatsStopIsOverdueAfterTwoIntervals() {
		FakeConnection connection = readyConnection(DispatchWatchdog.OFF);
		beatAndAcknowledge(connection, Duration.ofSeconds(3));
		ShardActivity beating = this.shard.activity();
		assertThat(beating.heartbeatOverdue()).isFalse();
		assertThat(beating.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(beating.latency()).isNotNull();
		assertThat(beating.lastAckAt()).isNotNull();
		// The timer thread is blocked: no beat goes out, so none is acknowledged, and no zombie check runs.
		this.scheduler.stall(Duration.ofMillis(1500));
		assertThat(this.shard.activity().heartbeatOverdue()).isFalse();
		this.scheduler.stall(Duration.ofMillis(1000));
		ShardActivity stalled = this.shard.activity();
		assertThat(stalled.heartbeatOverdue()).isTrue();
		assertThat(stalled.isHealthy()).isFalse();
		assertThat(stalled.sinceLastAck()).isGreaterThan(Duration.ofSeconds(2));
	}

	@Test
	void afterAZombieConnectionHeartbeatsStayOverdueUntilOneIsAcknowledged() {
		FakeConnection zombie = readyConnection(DispatchWatchdog.OFF);
		this.scheduler.advance(Duration.ofMillis(1500));
		assertThat(zombie.closedWith).isEqualTo(Shard.RESUMABLE_CLOSE_CODE);
		this.scheduler.advance(Duration.ofSeconds(1));
		FakeConnection resumed = this.transport.last();
		resumed.receive(HELLO);
		resumed.receive("{\"op\":0,\"s\":2,\"t\":\"RESUMED\",\"d\":{}}");
		assertThat(this.shard.status().state()).isEqualTo(ShardState.READY);
		assertThat(this.shard.activity().heartbeatOverdue()).isTrue();
		this.scheduler.advance(Duration.ofMillis(500));
		resumed.receive("{\"op\":11}");
		assertThat(this.shard.activity().heartbeatOverdue()).isFalse();
		assertThat(this.shard.activity().isHealthy()).isTrue();
	}

	@Test
	void aReadySessionWithoutDispatchesWhileAcksArriveIsDeafOnlyWithTheWatchdogOn() {
		FakeConnection quiet = readyConnection(DispatchWatchdog.OFF);
		beatAndAcknowledge(quiet, Duration.ofSeconds(10));
		assertThat(this.shard.activity().dispatchSilent()).isFalse();
		assertThat(this.shard.status().state()).isEqualTo(ShardState.READY);
	}

	@Test
	void theWatchdogReportsADeafSessionAndADispatchEndsIt() {
		FakeConnection connection = readyConnection(new DispatchWatchdog(Duration.ofSeconds(5), false));
		beatAndAcknowledge(connection, Duration.ofSeconds(4));
		assertThat(this.shard.activity().dispatchSilent()).isFalse();
		beatAndAcknowledge(connection, Duration.ofSeconds(2));
		assertThat(this.shard.activity().dispatchSilent()).isTrue();
		assertThat(this.shard.activity().heartbeatOverdue()).isFalse();
		assertThat(this.transport.connections).hasSize(1);
		connection.receive("{\"op\":0,\"s\":2,\"t\":\"MESSAGE_CREATE\",\"d\":{}}");
		assertThat(this.shard.activity().dispatchSilent()).isFalse();
		assertThat(this.shard.activity().sinceLastDispatch()).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void theWatchdogResumesADeafSessionWhenToldTo() {
		FakeConnection connection = readyConnection(new DispatchWatchdog(Duration.ofSeconds(5), true));
		beatAndAcknowledge(connection, Duration.ofSeconds(7));
		assertThat(connection.closedWith).isEqualTo(Shard.RESUMABLE_CLOSE_CODE);
		this.scheduler.advance(Duration.ofSeconds(2));
		FakeConnection resumed = this.transport.last();
		assertThat(resumed).isNotSameAs(connection);
		resumed.receive(HELLO);
		assertThat(resumed.sentWithOp(6)).hasSize(1);
		this.callbacks.runAll();
		assertThat(this.reconnects).containsExactly(CloseAction.RESUME);
	}

}
