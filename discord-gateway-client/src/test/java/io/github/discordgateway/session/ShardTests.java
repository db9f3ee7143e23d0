package io.github.discordgateway.session;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.discordgateway.event.ProtocolFiles;
import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.event.DispatchEventFactory;
import io.github.discordgateway.event.DispatchQueue;
import io.github.discordgateway.protocol.CloseAction;
import io.github.discordgateway.protocol.ConnectionProperties;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.Opcode;
import io.github.discordgateway.transport.PayloadTooLargeException;
import io.github.discordgateway.session.FakeTransport.FakeConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shard's state machine, driven through a fake transport and a manual clock.
 */
class ShardTests {

	private static final String GATEWAY = "ws://127.0.0.1:1";

	private static final String RESUME = "ws://127.0.0.1:2";

	private final ManualScheduler scheduler = new ManualScheduler();

	private final FakeTransport transport = new FakeTransport(this.scheduler::nanoTime);

	private final GatewayJson json = new GatewayJson();

	private final List<DispatchEvent> delivered = new CopyOnWriteArrayList<>();

	private final List<CloseAction> reconnects = new CopyOnWriteArrayList<>();

	private final ManualExecutor callbacks = new ManualExecutor();

	private final InMemorySessionStore sessions = new InMemorySessionStore();

	private IdentifyQueue identifyQueue = IdentifyQueue.NONE;

	private GatewayObserver observer = new GatewayObserver() {
		@Override
		public void reconnecting(int shardId, CloseAction action) {
			ShardTests.this.reconnects.add(action);
		}
	};

	private ShardSettings settings = new ShardSettings(0, 1, "secret-token", 513, 50,
			new ConnectionProperties("linux", "lib", "lib"), null, null,
			new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5), Duration.ofSeconds(1),
			Duration.ofSeconds(5), 3, 100);

	private DispatchQueue dispatchQueue = new DispatchQueue(0, 100, this.delivered::add);

	private Shard shard;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.shard != null) {
			this.shard.stop(true);
			this.shard.queue().stop(Duration.ofSeconds(1));
		}
	}

	private Shard start() {
		this.shard = new Shard(this.settings,
				new Shard.Collaborators(this.transport, this.scheduler, this.json, this.identifyQueue, this.sessions,
						this.observer, this.callbacks, () -> GATEWAY, DispatchEventFactory.generic(this.json),
						() -> 0.5),
				this.dispatchQueue);
		this.shard.start();
		return this.shard;
	}

	private FakeConnection readyConnection() {
		start();
		FakeConnection connection = this.transport.last();
		connection.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		connection.receive("{\"op\":0,\"s\":1,\"t\":\"READY\",\"d\":{\"session_id\":\"abc\",\"resume_gateway_url\":\""
				+ RESUME + "\"}}");
		return connection;
	}

	private static JsonNode tree(String json) {
		return JsonMapper.builder().build().readTree(json);
	}

	@Test
	void identifiesAfterHelloWithTheConfiguredFields() {
		start();
		FakeConnection connection = this.transport.last();
		assertThat(connection.uri).hasToString(GATEWAY + "/?v=10&encoding=json");
		assertThat(connection.sent).isEmpty();
		connection.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		JsonNode identify = tree(connection.sentWithOp(2).get(0)).get("d");
		assertThat(identify.get("token").asString()).isEqualTo("secret-token");
		assertThat(identify.get("intents").asLong()).isEqualTo(513);
		assertThat(identify.get("shard").toString()).isEqualTo("[0,1]");
		assertThat(identify.get("large_threshold").asInt()).isEqualTo(50);
		assertThat(identify.get("properties").get("browser").asString()).isEqualTo("lib");
		assertThat(this.shard.status().state()).isEqualTo(ShardState.IDENTIFYING);
	}

	@Test
	void firstHeartbeatIsJitteredThenEveryIntervalCarryingTheLastSequence() {
		FakeConnection connection = readyConnection();
		this.scheduler.advance(Duration.ofMillis(499));
		assertThat(connection.sentWithOp(1)).isEmpty();
		this.scheduler.advance(Duration.ofMillis(1));
		assertThat(connection.sentWithOp(1)).containsExactly("{\"op\":1,\"d\":1}");
		connection.receive("{\"op\":11}");
		connection.receive("{\"op\":0,\"s\":2,\"t\":\"MESSAGE_CREATE\",\"d\":{}}");
		this.scheduler.advance(Duration.ofMillis(1000));
		assertThat(connection.sentWithOp(1)).containsExactly("{\"op\":1,\"d\":1}", "{\"op\":1,\"d\":2}");
	}

	@Test
	void heartbeatBeforeAnyDispatchCarriesNull() {
		start();
		FakeConnection connection = this.transport.last();
		connection.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		this.scheduler.advance(Duration.ofMillis(500));
		assertThat(connection.sentWithOp(1)).containsExactly("{\"op\":1,\"d\":null}");
	}

	@Test
	void heartbeatRequestIsAnsweredAtOnce() {
		FakeConnection connection = readyConnection();
		connection.receive("{\"op\":1,\"d\":null}");
		assertThat(connection.sentWithOp(1)).containsExactly("{\"op\":1,\"d\":1}");
	}

	@Test
	void zombieConnectionIsClosedWithANonNormalCodeAndResumed() {
		FakeConnection connection = readyConnection();
		this.scheduler.advance(Duration.ofMillis(500));
		this.scheduler.advance(Duration.ofMillis(1000));
		assertThat(connection.closedWith).isEqualTo(Shard.RESUMABLE_CLOSE_CODE);
		FakeConnection resumed = this.transport.last();
		assertThat(resumed).isNotSameAs(connection);
		assertThat(resumed.uri).hasToString(RESUME + "/?v=10&encoding=json");
		resumed.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		JsonNode resume = tree(resumed.sentWithOp(6).get(0)).get("d");
		assertThat(resume.get("session_id").asString()).isEqualTo("abc");
		assertThat(resume.get("seq").asLong()).isEqualTo(1);
		assertThat(resume.get("token").asString()).isEqualTo("secret-token");
		assertThat(resumed.sentWithOp(2)).isEmpty();
		this.callbacks.runAll();
		assertThat(this.reconnects).containsExactly(CloseAction.RESUME);
	}

	@Test
	void reconnectRequestResumesOnTheResumeUrl() {
		FakeConnection connection = readyConnection();
		connection.receive("{\"op\":7,\"d\":null}");
		assertThat(connection.closedWith).isNotIn(1000, 1001);
		this.scheduler.advance(Duration.ZERO);
		assertThat(this.transport.last().uri).hasToString(RESUME + "/?v=10&encoding=json");
		assertThat(this.shard.status().state()).isEqualTo(ShardState.CONNECTING);
	}

	@Test
	void reconnectRequestBeforeHelloIsHonoured() {
		start();
		FakeConnection connection = this.transport.last();
		connection.receive("{\"op\":7,\"d\":null}");
		assertThat(connection.closedWith).isEqualTo(Shard.RESUMABLE_CLOSE_CODE);
		this.scheduler.advance(Duration.ZERO);
		assertThat(this.transport.connections).hasSize(2);
		assertThat(this.transport.last().uri).hasToString(GATEWAY + "/?v=10&encoding=json");
	}

	@Test
	void invalidSessionNotResumableWaitsThenIdentifiesAnewOnTheGatewayUrl() {
		FakeConnection connection = readyConnection();
		connection.receive("{\"op\":9,\"d\":false}");
		this.scheduler.advance(Duration.ofMillis(2999));
		assertThat(this.transport.connections).hasSize(1);
		this.scheduler.advance(Duration.ofMillis(1));
		FakeConnection next = this.transport.last();
		assertThat(next.uri).hasToString(GATEWAY + "/?v=10&encoding=json");
		next.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		assertThat(next.sentWithOp(2)).hasSize(1);
		assertThat(this.shard.lastSequence()).isEqualTo(-1);
		this.scheduler.advance(Duration.ofMillis(500));
		assertThat(next.sentWithOp(1)).containsExactly("{\"op\":1,\"d\":null}");
	}

	@Test
	void invalidSessionResumableResumes() {
		FakeConnection connection = readyConnection();
		connection.receive("{\"op\":9,\"d\":true}");
		this.scheduler.advance(Duration.ZERO);
		FakeConnection next = this.transport.last();
		assertThat(next.uri.toString()).startsWith(RESUME);
		next.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		assertThat(next.sentWithOp(6)).hasSize(1);
	}

	static Stream<Arguments> closeCodes() throws Exception {
		File file = ProtocolFiles.file("gateway-v10.json");
		JsonNode codes = JsonMapper.builder().build().readTree(file).get("closeCodes");
		return java.util.stream.StreamSupport.stream(codes.spliterator(), false)
			.map((code) -> Arguments.of(code.get("code").asInt(), code.get("sessionAction").asString()));
	}

	@ParameterizedTest(name = "close {0} -> {1}")
	@MethodSource("closeCodes")
	void everyGatewayCloseCodeGetsTheActionTheProtocolNames(int code, String action) {
		FakeConnection connection = readyConnection();
		connection.serverCloses(code);
		this.scheduler.advance(Duration.ZERO);
		switch (action) {
			case "resume" -> {
				assertThat(this.transport.last().uri.toString()).startsWith(RESUME);
				this.transport.last().receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
				assertThat(this.transport.last().sentWithOp(6)).hasSize(1);
			}
			case "identify" -> {
				assertThat(this.transport.last().uri.toString()).startsWith(GATEWAY);
				this.transport.last().receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
				assertThat(this.transport.last().sentWithOp(2)).hasSize(1);
			}
			default -> {
				assertThat(this.transport.connections).hasSize(1);
				assertThat(this.shard.status().state()).isEqualTo(ShardState.FATAL);
				assertThat(this.shard.status().lastCloseCode()).isEqualTo(code);
				assertThat(this.shard.status().reason()).contains(String.valueOf(code));
				this.scheduler.advance(Duration.ofMinutes(10));
				assertThat(this.transport.connections).hasSize(1);
			}
		}
	}

	@Test
	void disallowedIntentsSayWhatToFix() {
		readyConnection().serverCloses(4014);
		assertThat(this.shard.status().reason()).contains("developer portal", "discord.gateway.intents");
	}

	@Test
	void unknownCodesAndDroppedConnectionsResume() {
		readyConnection().serverCloses(4999);
		this.scheduler.advance(Duration.ZERO);
		assertThat(this.transport.last().uri.toString()).startsWith(RESUME);
		this.transport.last().serverCloses(1006);
		this.scheduler.advance(Duration.ofSeconds(1));
		assertThat(this.transport.connections).hasSize(3);
		assertThat(this.transport.last().uri.toString()).startsWith(RESUME);
	}

	@Test
	void failedAttemptsBackOffAndReadyResetsTheCount() {
		FakeConnection connection = readyConnection();
		connection.serverCloses(4000);
		this.scheduler.advance(Duration.ZERO);
		assertThat(this.transport.connections).as("first retry is immediate").hasSize(2);
		this.transport.last().serverCloses(4000);
		this.scheduler.advance(Duration.ofMillis(499));
		assertThat(this.transport.connections).hasSize(2);
		this.scheduler.advance(Duration.ofMillis(1));
		assertThat(this.transport.connections).as("second retry waits base * jitter").hasSize(3);
		this.transport.last().serverCloses(4000);
		this.scheduler.advance(Duration.ofMillis(999));
		assertThat(this.transport.connections).hasSize(3);
		this.scheduler.advance(Duration.ofMillis(1));
		assertThat(this.transport.connections).as("third retry waits 2 * base * jitter").hasSize(4);
		assertThat(this.shard.status().failedAttempts()).isEqualTo(3);
	}

	@Test
	void afterRepeatedResumesRefusedAfterHelloTheSessionIsGivenUpForIdentify() {
		readyConnection().serverCloses(4000);
		for (int attempt = 0; attempt < 3; attempt++) {
			this.scheduler.advance(Duration.ofSeconds(10));
			assertThat(this.transport.last().uri.toString()).startsWith(RESUME);
			this.transport.last().receive("{\"op\":10,\"d\":{\"heartbeat_interval\":45000}}");
			assertThat(this.transport.last().sentWithOp(6)).hasSize(1);
			this.transport.last().serverCloses(4000);
		}
		this.scheduler.advance(Duration.ofSeconds(10));
		assertThat(this.transport.last().uri.toString()).startsWith(GATEWAY);
		this.transport.last().receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		assertThat(this.transport.last().sentWithOp(2)).hasSize(1);
	}

	@Test
	void connectFailuresAreRetried() {
		this.transport.failNextConnect = true;
		start();
		assertThat(this.shard.status().state()).isEqualTo(ShardState.RECONNECT_WAIT);
		assertThat(this.shard.status().reason()).contains("connection refused");
		this.scheduler.advance(Duration.ZERO);
		assertThat(this.transport.connections).hasSize(1);
	}

	@Test
	void dispatchesAreDeliveredInOrderAndDuplicatesDropped() {
		FakeConnection connection = readyConnection();
		connection.receive("{\"op\":0,\"s\":2,\"t\":\"A\",\"d\":{}}");
		connection.receive("{\"op\":0,\"s\":2,\"t\":\"A\",\"d\":{}}");
		connection.receive("{\"op\":0,\"s\":3,\"t\":\"SOMETHING_NEW\",\"d\":{\"x\":1}}");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.delivered.size() == 3);
		assertThat(this.delivered).extracting(DispatchEvent::getSequence).containsExactly(1L, 2L, 3L);
		assertThat(this.delivered.get(2).getDataNode().get("x").asInt()).isEqualTo(1);
	}

	@Test
	void malformedFramesAndUnknownOpcodesAreSurvived() {
		FakeConnection connection = readyConnection();
		connection.receive("{not json");
		connection.receive("{\"op\":99,\"d\":{}}");
		connection.receive("{\"op\":0,\"s\":2,\"t\":\"B\",\"d\":{}}");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.delivered.size() == 2);
		assertThat(this.shard.status().state()).isEqualTo(ShardState.READY);
		assertThat(connection.closedWith).isNull();
	}

	@Test
	void identifyWaitsForItsTurn() {
		CompletableFuture<Void> turn = new CompletableFuture<>();
		this.identifyQueue = (shardId) -> turn;
		start();
		FakeConnection connection = this.transport.last();
		connection.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":60000}}");
		this.scheduler.advance(Duration.ofSeconds(10));
		assertThat(connection.sentWithOp(2)).isEmpty();
		turn.complete(null);
		assertThat(connection.sentWithOp(2)).hasSize(1);
	}

	@Test
	void anAbandonedConnectionGivesItsIdentifyTurnBack() {
		CompletableFuture<Void> turn = new CompletableFuture<>();
		this.identifyQueue = (shardId) -> turn;
		start();
		FakeConnection connection = this.transport.last();
		connection.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":60000}}");
		connection.receive("{\"op\":7,\"d\":null}");
		assertThat(turn).isNotDone();
		this.callbacks.runAll();
		assertThat(turn).isCancelled();
		assertThat(connection.sentWithOp(2)).isEmpty();
	}

	@Test
	void shutdownKeepsTheSessionResumableUnlessLoggingOut() {
		FakeConnection connection = readyConnection();
		this.shard.stop(true);
		assertThat(connection.closedWith).isEqualTo(Shard.RESUMABLE_CLOSE_CODE);
		assertThat(this.shard.session()).isNotNull();
		this.shard.start();
		this.transport.last().receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		assertThat(this.transport.last().sentWithOp(6)).hasSize(1);
		this.shard.stop(false);
		assertThat(this.transport.last().closedWith).isEqualTo(1000);
		assertThat(this.shard.session()).isNull();
		assertThat(this.scheduler.pendingTasks()).isZero();
	}

	@Test
	void aRestartAfterAFullStopDeliversWhatTheResumeBrings() throws InterruptedException {
		readyConnection();
		this.shard.stop(true);
		assertThat(this.shard.queue().stop(Duration.ofSeconds(1))).isTrue();
		this.shard.start();
		FakeConnection resumed = this.transport.last();
		resumed.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		resumed.receive("{\"op\":0,\"s\":2,\"t\":\"A\",\"d\":{}}");
		resumed.receive("{\"op\":0,\"s\":3,\"t\":\"RESUMED\",\"d\":{}}");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.delivered.size() == 3);
		assertThat(this.delivered).extracting(DispatchEvent::getSequence).containsExactly(1L, 2L, 3L);
	}

	@Test
	void commandsWaitForReadyThenGoOutInOrder() {
		start();
		FakeConnection connection = this.transport.last();
		var first = this.shard.send(Opcode.PRESENCE_UPDATE, java.util.Map.of("status", "idle"));
		var second = this.shard.send(Opcode.VOICE_STATE_UPDATE, java.util.Map.of("guild_id", "1"));
		connection.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		assertThat(connection.sentWithOp(3)).isEmpty();
		assertThat(first).isNotDone();
		connection.receive("{\"op\":0,\"s\":1,\"t\":\"READY\",\"d\":{\"session_id\":\"abc\",\"resume_gateway_url\":\"" + RESUME + "\"}}");
		assertThat(first).as("completes on the callback executor only").isNotDone();
		this.callbacks.runAll();
		assertThat(first).isCompleted();
		assertThat(second).isCompleted();
		assertThat(connection.sent.subList(1, 3)).containsExactly("{\"op\":3,\"d\":{\"status\":\"idle\"}}",
				"{\"op\":4,\"d\":{\"guild_id\":\"1\"}}");
	}

	@Test
	void overSizePayloadsAreRefusedBeforeTheWire() {
		FakeConnection connection = readyConnection();
		org.assertj.core.api.Assertions.assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> this.shard.send(Opcode.PRESENCE_UPDATE, java.util.Map.of("status", "x".repeat(5000))))
			.withMessageContaining("4096");
		assertThat(connection.sent).hasSize(1);
	}

	@Test
	void aBurstOfCommandsStaysUnderTheRateLimitWhileHeartbeatsKeepTheirSchedule() {
		FakeConnection connection = readyConnection();
		List<java.util.concurrent.CompletableFuture<Void>> sends = new java.util.ArrayList<>();
		for (int i = 0; i < 500; i++) {
			sends.add(this.shard.send(Opcode.REQUEST_CHANNEL_INFO, java.util.Map.of("guild_id", String.valueOf(i))));
		}
		for (int second = 0; second < 1200 && !sends.get(499).isDone(); second++) {
			this.scheduler.advance(Duration.ofMillis(250));
			connection.receive("{\"op\":11}");
			this.scheduler.advance(Duration.ofMillis(750));
			connection.receive("{\"op\":11}");
			this.callbacks.runAll();
		}
		assertThat(sends).allMatch(java.util.concurrent.CompletableFuture::isDone);
		List<Long> times = connection.sentAt;
		long window = Duration.ofSeconds(60).toNanos();
		for (int i = 0; i < times.size(); i++) {
			int start = i;
			long inWindow = times.stream().filter((t) -> t >= times.get(start) && t < times.get(start) + window).count();
			assertThat(inWindow).as("payloads in the 60 s from send %d", i).isLessThanOrEqualTo(120);
		}
		List<Long> beats = new java.util.ArrayList<>();
		for (int i = 0; i < connection.sent.size(); i++) {
			if (connection.sent.get(i).startsWith("{\"op\":1,")) {
				beats.add(connection.sentAt.get(i));
			}
		}
		for (int i = 1; i < beats.size(); i++) {
			assertThat(beats.get(i) - beats.get(i - 1)).isEqualTo(Duration.ofSeconds(1).toNanos());
		}
		assertThat(connection.closedWith).isNull();
	}

	@Test
	void commandsQueuedAcrossAReconnectGoOutOnTheResumedSession() {
		FakeConnection connection = readyConnection();
		connection.serverCloses(1006);
		var command = this.shard.send(Opcode.VOICE_STATE_UPDATE, java.util.Map.of("guild_id", "1"));
		this.scheduler.advance(Duration.ZERO);
		FakeConnection resumed = this.transport.last();
		resumed.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		assertThat(command).isNotDone();
		resumed.receive("{\"op\":0,\"s\":2,\"t\":\"RESUMED\",\"d\":{}}");
		this.callbacks.runAll();
		assertThat(command).isCompleted();
		assertThat(resumed.sentWithOp(4)).hasSize(1);
	}

}
