package io.github.discordgateway.session;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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
import static org.assertj.core.api.Assertions.tuple;
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

	private SessionStore sessions = new InMemorySessionStore();

	private IdentifyQueue identifyQueue = IdentifyQueue.NONE;

	private java.util.function.Supplier<String> gatewayUrl = () -> GATEWAY;

	private GatewayObserver observer = new GatewayObserver() {
		@Override
		public void reconnecting(int shardId, CloseAction action) {
			ShardTests.this.reconnects.add(action);
		}
	};

	private static final IdentifySettings IDENTIFY = new IdentifySettings("secret-token", 513, 50,
			new ConnectionProperties("linux", "lib", "lib"), null);

	private ShardSettings settings = new ShardSettings(0, 1, IDENTIFY,
			connection(3, ConnectionSettings.DEFAULT_HELLO_TIMEOUT), DeliverySettings.withQueueCapacity(100),
			DispatchWatchdog.OFF);

	private DispatchQueue dispatchQueue = new DispatchQueue(0, 100, this.delivered::add);

	/** What the shard's random source returns: its heartbeat jitter and the fraction of the op 9 wait. */
	private double random = 0.5;

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
						this.observer, this.callbacks, () -> this.gatewayUrl.get(), DispatchEventFactory.generic(this.json),
						() -> this.random),
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

	@ParameterizedTest(name = "jitter {0}")
	@ValueSource(doubles = { 0.25, 0.5, 0.75 })
	void firstHeartbeatIsJitteredThenEveryIntervalCarryingTheLastSequence(double jitter) {
		this.random = jitter;
		FakeConnection connection = readyConnection();
		long firstBeat = (long) (1000 * jitter);
		this.scheduler.advance(Duration.ofMillis(firstBeat - 1));
		assertThat(connection.sentWithOp(1)).as("nothing before interval * jitter").isEmpty();
		this.scheduler.advance(Duration.ofMillis(1));
		assertThat(connection.sentWithOp(1)).containsExactly("{\"op\":1,\"d\":1}");
		connection.receive("{\"op\":11}");
		connection.receive("{\"op\":0,\"s\":2,\"t\":\"MESSAGE_CREATE\",\"d\":{}}");
		this.scheduler.advance(Duration.ofMillis(999));
		assertThat(connection.sentWithOp(1)).hasSize(1);
		this.scheduler.advance(Duration.ofMillis(1));
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
	void reconnectRequestClosesWithAResumableCodeAndResumesOnTheResumeUrl() {
		FakeConnection connection = readyConnection();
		connection.receive("{\"op\":0,\"s\":2,\"t\":\"A\",\"d\":{}}");
		connection.receive("{\"op\":7,\"d\":null}");
		assertThat(connection.closedWith).as("closed, and not with 1000/1001, which end the session")
			.isNotNull()
			.isNotIn(1000, 1001);
		assertThat(this.shard.status().state()).isEqualTo(ShardState.RECONNECT_WAIT);
		this.scheduler.advance(Duration.ZERO);
		FakeConnection resumed = this.transport.last();
		assertThat(resumed).isNotSameAs(connection);
		assertThat(resumed.uri).hasToString(RESUME + "/?v=10&encoding=json");
		assertThat(this.shard.status().state()).isEqualTo(ShardState.CONNECTING);
		resumed.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		JsonNode resume = tree(resumed.sentWithOp(6).get(0)).get("d");
		assertThat(resume.get("session_id").asString()).isEqualTo("abc");
		assertThat(resume.get("seq").asLong()).isEqualTo(2);
		assertThat(resume.get("token").asString()).isEqualTo("secret-token");
		assertThat(resumed.sentWithOp(2)).as("no Identify").isEmpty();
		assertThat(resumed.sent).hasSize(1);
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

	@ParameterizedTest(name = "random {0}")
	@ValueSource(doubles = { 0.25, 0.5, 0.75 })
	void invalidSessionNotResumableWaitsARandomTimeWithinTheBoundsThenIdentifiesAnewOnTheGatewayUrl(double random) {
		this.random = random;
		FakeConnection connection = readyConnection();
		connection.receive("{\"op\":9,\"d\":false}");
		assertThat(connection.closedWith).isEqualTo(Shard.RESUMABLE_CLOSE_CODE);
		long wait = 1000 + (long) (4000 * random);
		this.scheduler.advance(Duration.ofMillis(wait - 1));
		assertThat(this.transport.connections).as("still waiting 1 s + 4 s * %s", random).hasSize(1);
		this.scheduler.advance(Duration.ofMillis(1));
		FakeConnection next = this.transport.last();
		assertThat(next).isNotSameAs(connection);
		assertThat(next.uri).hasToString(GATEWAY + "/?v=10&encoding=json");
		next.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		assertThat(next.sentWithOp(2)).hasSize(1);
		assertThat(next.sentWithOp(6)).isEmpty();
		assertThat(this.shard.lastSequence()).isEqualTo(-1);
		this.scheduler.advance(Duration.ofMillis((long) (1000 * random)));
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
	void aGatewayUrlNoConnectionCanOpenIsAFailedAttemptWithAReasonAndIsRetried() {
		this.gatewayUrl = () -> "https://gateway.example";
		start();
		assertThat(this.transport.attempts).isEmpty();
		assertThat(this.shard.status().state()).isEqualTo(ShardState.RECONNECT_WAIT);
		assertThat(this.shard.status().reason()).contains("could not connect")
			.contains("'https://gateway.example' must start with wss://");
		this.scheduler.advance(Duration.ofSeconds(60));
		assertThat(this.shard.status().state()).isEqualTo(ShardState.RECONNECT_WAIT);
		assertThat(this.shard.status().failedAttempts()).isGreaterThan(1);
	}

	@Test
	void aTransportThatThrowsIsAFailedAttemptNotAnEscapedException() {
		this.gatewayUrl = () -> {
			throw new IllegalStateException("no gateway URL yet");
		};
		start();
		assertThat(this.shard.status().state()).isEqualTo(ShardState.RECONNECT_WAIT);
		assertThat(this.shard.status().reason()).contains("no gateway URL yet");
	}

	@Test
	void aResumeUrlNoConnectionCanOpenResumesOnTheGatewayUrl() {
		start();
		FakeConnection connection = this.transport.last();
		connection.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		connection.receive("{\"op\":0,\"s\":1,\"t\":\"READY\",\"d\":{\"session_id\":\"abc\","
				+ "\"resume_gateway_url\":\"https://resume.example\"}}");
		connection.serverCloses(1006);
		this.scheduler.advance(Duration.ZERO);
		FakeConnection resumed = this.transport.last();
		assertThat(resumed).isNotSameAs(connection);
		assertThat(resumed.uri.toString()).startsWith(GATEWAY);
		resumed.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		assertThat(resumed.sentWithOp(6)).hasSize(1);
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
	void aShardStartingWithoutASessionTellsTheIdentifyQueueBeforeItConnectsThenAsksOnHello() {
		RecordingIdentifyQueue queue = new RecordingIdentifyQueue(this.transport);
		this.identifyQueue = queue;
		start();
		assertThat(queue.calls).containsExactly("expect 0 before connecting");
		this.transport.last().receive("{\"op\":10,\"d\":{\"heartbeat_interval\":60000}}");
		this.callbacks.runAll();
		assertThat(queue.calls).containsExactly("expect 0 before connecting", "acquire 0");
	}

	@Test
	void aShardWhoseFirstConnectionFailsBeforeHelloWithdrawsAndIsNotExpectedOnItsNextConnection() {
		RecordingIdentifyQueue queue = new RecordingIdentifyQueue(this.transport);
		this.identifyQueue = queue;
		this.transport.refuseConnects = 1;
		start();
		this.callbacks.runAll();
		assertThat(queue.calls).containsExactly("expect 0 before connecting", "withdraw 0");
		this.scheduler.advance(Duration.ZERO);
		this.transport.last().receive("{\"op\":10,\"d\":{\"heartbeat_interval\":60000}}");
		this.callbacks.runAll();
		assertThat(queue.calls).containsExactly("expect 0 before connecting", "withdraw 0", "acquire 0");
	}

	@Test
	void aShardStoppedBeforeHelloWithdraws() {
		RecordingIdentifyQueue queue = new RecordingIdentifyQueue(this.transport);
		this.identifyQueue = queue;
		start();
		this.shard.stop(true);
		this.callbacks.runAll();
		assertThat(queue.calls).containsExactly("expect 0 before connecting", "withdraw 0");
	}

	@Test
	void aShardResumingAStoredSessionIsNotExpectedToIdentify() {
		RecordingIdentifyQueue queue = new RecordingIdentifyQueue(this.transport);
		this.identifyQueue = queue;
		this.sessions.save(0, new Session("stored", RESUME, 42, 1));
		start();
		this.transport.last().receive("{\"op\":10,\"d\":{\"heartbeat_interval\":60000}}");
		this.callbacks.runAll();
		assertThat(queue.calls).isEmpty();
	}

	/** Records what a shard tells its identify queue; turns never come. */
	private static final class RecordingIdentifyQueue implements IdentifyQueue {

		final List<String> calls = new CopyOnWriteArrayList<>();

		private final FakeTransport transport;

		RecordingIdentifyQueue(FakeTransport transport) {
			this.transport = transport;
		}

		@Override
		public CompletableFuture<Void> acquire(int shardId) {
			this.calls.add("acquire " + shardId);
			return new CompletableFuture<>();
		}

		@Override
		public void expect(int shardId) {
			this.calls.add("expect " + shardId + (this.transport.attempts.isEmpty() ? " before connecting" : ""));
		}

		@Override
		public void withdraw(int shardId) {
			this.calls.add("withdraw " + shardId);
		}

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
	void anIdentifyTooLargeForDiscordStopsTheShardForGoodInsteadOfLoopingOn4002() {
		this.settings = new ShardSettings(0, 1,
				new IdentifySettings("secret-token", 513, 50, new ConnectionProperties("linux", "lib", "lib"),
						new io.github.discordgateway.protocol.UpdatePresence(null, List.of(
								new io.github.discordgateway.protocol.UpdatePresence.Activity("x".repeat(5000), 0, null,
										null)),
								"online", false)),
				this.settings.connection(), this.settings.delivery(), DispatchWatchdog.OFF);
		start();
		FakeConnection connection = this.transport.last();
		connection.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		assertThat(connection.sentWithOp(2)).isEmpty();
		assertThat(this.shard.status().state()).isEqualTo(ShardState.FATAL);
		assertThat(this.shard.status().reason()).contains("Identify is").contains("shorten the presence");
	}

	@Test
	void aListenerBusyWithOneEventPastTheThresholdIsReportedOnceAndClearedWhenItIsDone() {
		CountDownLatch release = new CountDownLatch(1);
		List<StuckListener> stuck = new CopyOnWriteArrayList<>();
		this.observer = new GatewayObserver() {
			@Override
			public void listenerStuck(StuckListener listener) {
				stuck.add(listener);
			}
		};
		this.settings = this.settings.with(new DeliverySettings(100, 1024, Duration.ofSeconds(10),
				DeliverySettings.DEFAULT_SESSION_SAVE_INTERVAL));
		this.dispatchQueue = new DispatchQueue(0, 100, 1024, (event) -> {
			if (event.getName().equals("SLOW")) {
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}, this.scheduler::nanoTime);
		start();
		FakeConnection connection = this.transport.last();
		connection.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":60000}}");
		connection.receive("{\"op\":0,\"s\":1,\"t\":\"READY\",\"d\":{\"session_id\":\"abc\",\"resume_gateway_url\":\""
				+ RESUME + "\"}}");
		connection.receive("{\"op\":0,\"s\":2,\"t\":\"SLOW\",\"d\":{}}");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.dispatchQueue.delivering() != null
					&& this.dispatchQueue.delivering().event().getName().equals("SLOW"));
		this.scheduler.advance(Duration.ofSeconds(9));
		this.callbacks.runAll();
		assertThat(this.shard.status().stuckListener()).isNull();
		assertThat(stuck).isEmpty();
		this.scheduler.advance(Duration.ofSeconds(1));
		StuckListener reported = this.shard.status().stuckListener();
		assertThat(reported).isNotNull();
		assertThat(reported.event()).isEqualTo("SLOW");
		assertThat(reported.sequence()).isEqualTo(2);
		assertThat(this.shard.status().isHealthy()).isFalse();
		assertThat(stuck).as("observers hear on the callback executor only").isEmpty();
		this.callbacks.runAll();
		this.scheduler.advance(Duration.ofSeconds(20));
		this.callbacks.runAll();
		assertThat(stuck).as("once per stuck event").containsExactly(reported);
		release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.dispatchQueue.delivering() == null);
		this.scheduler.advance(Duration.ofSeconds(3));
		assertThat(this.shard.status().stuckListener()).isNull();
		assertThat(this.shard.status().isHealthy()).isTrue();
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


	@Test
	void aResumeCarriesTheSequenceOfTheLastEventHandedToDeliveryWhenDeliveryStopsWhileTheReaderWaits()
			throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch listening = new CountDownLatch(1);
		this.dispatchQueue = new DispatchQueue(0, 1, (event) -> {
			this.delivered.add(event);
			listening.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		FakeConnection connection = readyConnection();
		listening.await(5, TimeUnit.SECONDS);
		connection.receive("{\"op\":0,\"s\":2,\"t\":\"A\",\"d\":{}}");
		Thread reader = new Thread(() -> connection.receive("{\"op\":0,\"s\":3,\"t\":\"A\",\"d\":{}}"));
		reader.start();
		await().atMost(Duration.ofSeconds(5)).until(this.dispatchQueue::isBlockingReader);
		this.shard.stop(true);
		this.dispatchQueue.stop(Duration.ofMillis(50));
		reader.join(5000);
		assertThat(reader.isAlive()).isFalse();
		release.countDown();
		assertThat(this.shard.lastSequence()).as("3 was never queued").isEqualTo(2);
		this.shard.start();
		this.transport.last().receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		assertThat(tree(this.transport.last().sentWithOp(6).get(0)).get("d").get("seq").asLong()).isEqualTo(2);
	}

	@Test
	void anObserverThatThrowsNeitherDropsTheEventNorSkipsItsSequence() {
		this.observer = new GatewayObserver() {
			@Override
			public void dispatchReceived(DispatchEvent event) {
				if (event.getSequence() == 2) {
					throw new IllegalStateException("observer bug");
				}
			}
		};
		FakeConnection connection = readyConnection();
		connection.receive("{\"op\":0,\"s\":2,\"t\":\"A\",\"d\":{}}");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.delivered.size() == 2);
		assertThat(this.delivered).extracting(DispatchEvent::getSequence).containsExactly(1L, 2L);
		assertThat(this.shard.lastSequence()).isEqualTo(2);
	}

	@Test
	void refusedConnectionsBackOffAndKeepResumingHoweverManyThereAre() {
		readyConnection().serverCloses(1006);
		this.transport.refuseConnects = 6;
		for (int second = 0; second < 600 && this.transport.connections.size() < 2; second++) {
			this.scheduler.advance(Duration.ofSeconds(1));
		}
		assertThat(this.transport.attempts).hasSize(8);
		assertThat(this.transport.attempts.subList(1, 8)).allMatch((uri) -> uri.toString().startsWith(RESUME));
		this.transport.last().receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		assertThat(this.transport.last().sentWithOp(6)).hasSize(1);
		assertThat(this.transport.last().sentWithOp(2)).isEmpty();
		// Refused connections were no refused resumes: this refusal is the first of 3, so the shard resumes again.
		this.transport.last().serverCloses(4000);
		for (int second = 0; second < 600 && this.transport.connections.size() < 3; second++) {
			this.scheduler.advance(Duration.ofSeconds(1));
		}
		assertThat(this.transport.connections).as("a connection after the refused resume").hasSize(3);
		assertThat(this.transport.last().uri.toString()).as("still resuming after one refused resume")
			.startsWith(RESUME);
	}

	@Test
	void aResumedConnectionThatDropsLaterIsNoFailedResume() {
		this.settings = this.settings.with(connection(1, ConnectionSettings.DEFAULT_HELLO_TIMEOUT));
		readyConnection().serverCloses(4000);
		this.scheduler.advance(Duration.ZERO);
		FakeConnection resumed = this.transport.last();
		resumed.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":45000}}");
		resumed.receive("{\"op\":0,\"s\":2,\"t\":\"RESUMED\",\"d\":{}}");
		resumed.serverCloses(4000);
		this.scheduler.advance(Duration.ofSeconds(1));
		assertThat(this.transport.last().uri.toString()).startsWith(RESUME);
		this.transport.last().receive("{\"op\":10,\"d\":{\"heartbeat_interval\":45000}}");
		assertThat(this.transport.last().sentWithOp(6)).hasSize(1);
	}

	@Test
	void statusNeverWaitsForTheShardsLock() throws Exception {
		readyConnection();
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread holder = new Thread(() -> {
			synchronized (this.shard) {
				held.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		});
		holder.start();
		try {
			held.await(5, TimeUnit.SECONDS);
			ShardStatus status = CompletableFuture.supplyAsync(this.shard::status).get(5, TimeUnit.SECONDS);
			assertThat(status.state()).isEqualTo(ShardState.READY);
		}
		finally {
			release.countDown();
			holder.join(5000);
		}
	}

	@Test
	void aConnectionThatBringsNoHelloIsClosedAfterTheDeadlineAndRetriedStillResuming() {
		readyConnection().serverCloses(1006);
		this.scheduler.advance(Duration.ZERO);
		FakeConnection silent = this.transport.last();
		this.scheduler.advance(ConnectionSettings.DEFAULT_HELLO_TIMEOUT.minusMillis(1));
		assertThat(silent.closedWith).isNull();
		assertThat(this.shard.status().state()).isEqualTo(ShardState.CONNECTING);
		this.scheduler.advance(Duration.ofMillis(1));
		assertThat(silent.closedWith).isEqualTo(Shard.RESUMABLE_CLOSE_CODE);
		assertThat(this.shard.status().state()).isEqualTo(ShardState.RECONNECT_WAIT);
		assertThat(this.shard.status().reason()).contains("no Hello");
		this.scheduler.advance(Duration.ofSeconds(1));
		assertThat(this.transport.last()).isNotSameAs(silent);
		assertThat(this.transport.last().uri.toString()).startsWith(RESUME);
		this.transport.last().receive("{\"op\":10,\"d\":{\"heartbeat_interval\":45000}}");
		assertThat(this.transport.last().sentWithOp(6)).hasSize(1);
	}

	@Test
	void theHelloDeadlineIsConfigurable() {
		this.settings = this.settings.with(connection(3, Duration.ofSeconds(5)));
		start();
		FakeConnection silent = this.transport.last();
		this.scheduler.advance(Duration.ofSeconds(5));
		assertThat(silent.closedWith).isEqualTo(Shard.RESUMABLE_CLOSE_CODE);
	}

	@Test
	void observersAndFuturesRunOnTheCallbackExecutorNeverOnTheTimerThreadNorUnderTheLock() {
		List<String> calls = new CopyOnWriteArrayList<>();
		this.observer = new GatewayObserver() {
			@Override
			public void statusChanged(ShardStatus status) {
				calls.add("status " + status.state() + (Thread.holdsLock(ShardTests.this.shard) ? " locked" : ""));
			}

			@Override
			public void reconnecting(int shardId, CloseAction action) {
				calls.add("reconnecting " + action + (Thread.holdsLock(ShardTests.this.shard) ? " locked" : ""));
			}
		};
		FakeConnection connection = readyConnection();
		this.callbacks.runAll();
		calls.clear();
		CompletableFuture<Void> sent = this.shard.send(Opcode.VOICE_STATE_UPDATE, java.util.Map.of("guild_id", "1"));
		this.scheduler.advance(Duration.ofMillis(500));
		this.scheduler.advance(Duration.ofMillis(1000));
		assertThat(connection.closedWith).as("zombie, found on the timer").isEqualTo(Shard.RESUMABLE_CLOSE_CODE);
		assertThat(calls).as("nothing ran on the timer").isEmpty();
		assertThat(sent).isNotDone();
		this.callbacks.runAll();
		assertThat(sent).isCompleted();
		assertThat(calls).containsExactly("reconnecting RESUME", "status RECONNECT_WAIT", "status CONNECTING");
	}

	@Test
	void aStalledTimerSendsOneBeatNotTheMissedOnesAndFindsNoZombie() {
		FakeConnection connection = readyConnection();
		this.scheduler.advance(Duration.ofMillis(500));
		connection.receive("{\"op\":11}");
		this.scheduler.stall(Duration.ofMillis(3500));
		this.scheduler.advance(Duration.ZERO);
		assertThat(connection.sentWithOp(1)).hasSize(2);
		assertThat(connection.closedWith).isNull();
		connection.receive("{\"op\":11}");
		this.scheduler.advance(Duration.ofMillis(999));
		assertThat(connection.sentWithOp(1)).hasSize(2);
		this.scheduler.advance(Duration.ofMillis(1));
		assertThat(connection.sentWithOp(1)).hasSize(3);
		assertThat(connection.closedWith).isNull();
	}

	@Test
	void aTickFarTooLateJudgesNoZombieButTheNextOnTimeOneDoes() {
		FakeConnection connection = readyConnection();
		this.scheduler.advance(Duration.ofMillis(500));
		this.scheduler.stall(Duration.ofMillis(3500));
		this.scheduler.advance(Duration.ZERO);
		assertThat(connection.closedWith).as("the ACK may sit unread behind the stall").isNull();
		assertThat(connection.sentWithOp(1)).hasSize(2);
		this.scheduler.advance(Duration.ofMillis(1000));
		assertThat(connection.closedWith).isEqualTo(Shard.RESUMABLE_CLOSE_CODE);
	}

	@Test
	void aHeartbeatRequestJustBeforeATickIsNoZombie() {
		FakeConnection connection = readyConnection();
		this.scheduler.advance(Duration.ofMillis(500));
		connection.receive("{\"op\":11}");
		this.scheduler.advance(Duration.ofMillis(999));
		connection.receive("{\"op\":1,\"d\":null}");
		this.scheduler.advance(Duration.ofMillis(1));
		assertThat(connection.closedWith).isNull();
		connection.receive("{\"op\":11}");
		this.scheduler.advance(Duration.ofMillis(998));
		assertThat(connection.sentWithOp(1)).hasSize(2);
		this.scheduler.advance(Duration.ofMillis(1));
		assertThat(connection.sentWithOp(1)).as("one interval after the requested beat").hasSize(3);
		assertThat(connection.closedWith).isNull();
	}

	@Test
	void aStoredSessionIsResumedAtStart() {
		this.sessions.save(0, new Session("stored", RESUME, 42, 1));
		start();
		FakeConnection connection = this.transport.last();
		assertThat(connection.uri.toString()).startsWith(RESUME);
		connection.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		JsonNode resume = tree(connection.sentWithOp(6).get(0)).get("d");
		assertThat(resume.get("session_id").asString()).isEqualTo("stored");
		assertThat(resume.get("seq").asLong()).isEqualTo(42);
	}

	@Test
	void theSessionIsSavedAtReadyAtResumedAndAtStop() {
		FakeConnection connection = readyConnection();
		awaitDelivered(1);
		this.callbacks.runAll();
		assertThat(this.sessions.load(0)).isEqualTo(new Session("abc", RESUME, 1, 1));
		connection.receive("{\"op\":0,\"s\":2,\"t\":\"A\",\"d\":{}}");
		connection.serverCloses(4000);
		this.scheduler.advance(Duration.ZERO);
		awaitDelivered(2);
		this.transport.last().receive("{\"op\":10,\"d\":{\"heartbeat_interval\":45000}}");
		this.transport.last().receive("{\"op\":0,\"s\":3,\"t\":\"RESUMED\",\"d\":{}}");
		this.callbacks.runAll();
		assertThat(this.sessions.load(0).sessionId()).isEqualTo("abc");
		assertThat(this.sessions.load(0).sequence()).as("RESUMED itself may not be handled yet").isBetween(2L, 3L);
		this.transport.last().receive("{\"op\":0,\"s\":4,\"t\":\"A\",\"d\":{}}");
		awaitDelivered(4);
		this.shard.stop(true);
		this.callbacks.runAll();
		assertThat(this.sessions.load(0)).isEqualTo(new Session("abc", RESUME, 4, 1));
		this.shard.stop(false);
		this.callbacks.runAll();
		assertThat(this.sessions.load(0)).as("logged out").isNull();
	}

	@Test
	void theStoreGetsTheSequenceTheListenerFinishedNotTheOneQueued() {
		CountDownLatch release = new CountDownLatch(1);
		this.dispatchQueue = new DispatchQueue(0, 100, (event) -> {
			if (event.getSequence() == 3) {
				awaitRelease(release);
			}
			this.delivered.add(event);
		});
		FakeConnection connection = readyConnection();
		for (int s = 2; s <= 5; s++) {
			connection.receive("{\"op\":0,\"s\":" + s + ",\"t\":\"A\",\"d\":{}}");
		}
		awaitDelivered(2);
		this.shard.stop(true);
		this.callbacks.runAll();
		assertThat(this.sessions.load(0).sequence()).as("3 to 5 are not handled: a new process gets them again")
			.isEqualTo(2);
		assertThat(this.shard.session().sequence()).as("within this run they stay queued").isEqualTo(5);
		release.countDown();
		awaitDelivered(5);
		CompletableFuture<Void> saved = this.shard.saveSession();
		this.callbacks.runAll();
		assertThat(saved).isDone();
		assertThat(this.sessions.load(0).sequence()).isEqualTo(5);
	}

	@Test
	void theDeliveredSequenceIsSavedEveryIntervalWhileItMovesAndOnlyThen() {
		List<Long> saved = new CopyOnWriteArrayList<>();
		InMemorySessionStore memory = new InMemorySessionStore();
		this.sessions = new SessionStore() {
			@Override
			public Session load(int shardId) {
				return memory.load(shardId);
			}

			@Override
			public void save(int shardId, Session session) {
				saved.add(session.sequence());
				memory.save(shardId, session);
			}

			@Override
			public void delete(int shardId) {
				memory.delete(shardId);
			}
		};
		start();
		FakeConnection connection = this.transport.last();
		connection.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":45000}}");
		connection.receive("{\"op\":0,\"s\":1,\"t\":\"READY\",\"d\":{\"session_id\":\"abc\",\"resume_gateway_url\":\""
				+ RESUME + "\"}}");
		awaitDelivered(1);
		this.callbacks.runAll();
		assertThat(saved).as("at READY").containsExactly(1L);
		for (int s = 2; s <= 50; s++) {
			connection.receive("{\"op\":0,\"s\":" + s + ",\"t\":\"A\",\"d\":{}}");
		}
		awaitDelivered(50);
		this.callbacks.runAll();
		assertThat(saved).as("no write per event").containsExactly(1L);
		this.scheduler.advance(DeliverySettings.DEFAULT_SESSION_SAVE_INTERVAL);
		this.callbacks.runAll();
		assertThat(saved).containsExactly(1L, 50L);
		this.scheduler.advance(DeliverySettings.DEFAULT_SESSION_SAVE_INTERVAL.multipliedBy(3));
		this.callbacks.runAll();
		assertThat(saved).as("nothing moved").containsExactly(1L, 50L);
		connection.receive("{\"op\":0,\"s\":51,\"t\":\"A\",\"d\":{}}");
		awaitDelivered(51);
		this.scheduler.advance(DeliverySettings.DEFAULT_SESSION_SAVE_INTERVAL);
		this.callbacks.runAll();
		assertThat(saved).containsExactly(1L, 50L, 51L);
	}

	@Test
	void aNewSessionIsNotSavedWithTheSequenceAnEarlierSessionsEventReached() {
		CountDownLatch release = new CountDownLatch(1);
		this.dispatchQueue = new DispatchQueue(0, 100, (event) -> {
			if (event.getSequence() == 40) {
				awaitRelease(release);
			}
			this.delivered.add(event);
		});
		FakeConnection connection = readyConnection();
		for (int s = 2; s <= 40; s++) {
			connection.receive("{\"op\":0,\"s\":" + s + ",\"t\":\"A\",\"d\":{}}");
		}
		awaitDelivered(39);
		connection.receive("{\"op\":9,\"d\":false}");
		this.scheduler.advance(Duration.ofSeconds(5));
		FakeConnection second = this.transport.last();
		second.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":45000}}");
		second.receive("{\"op\":0,\"s\":1,\"t\":\"READY\",\"d\":{\"session_id\":\"new\",\"resume_gateway_url\":\""
				+ RESUME + "\"}}");
		for (int s = 2; s <= 30; s++) {
			second.receive("{\"op\":0,\"s\":" + s + ",\"t\":\"A\",\"d\":{}}");
		}
		this.scheduler.advance(DeliverySettings.DEFAULT_SESSION_SAVE_INTERVAL);
		this.callbacks.runAll();
		assertThat(this.sessions.load(0)).as("the old session's 39 is not the new one's")
			.isEqualTo(new Session("new", RESUME, 1, 1));
		release.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.delivered.size() == 40 + 30);
		this.scheduler.advance(DeliverySettings.DEFAULT_SESSION_SAVE_INTERVAL);
		this.callbacks.runAll();
		assertThat(this.sessions.load(0)).isEqualTo(new Session("new", RESUME, 30, 1));
	}

	@Test
	void aSecondResumableStopKeepsTheSavedSession() {
		readyConnection();
		awaitDelivered(1);
		this.shard.stop(true);
		this.shard.stop(true);
		this.callbacks.runAll();
		assertThat(this.sessions.load(0)).isEqualTo(new Session("abc", RESUME, 1, 1));
	}

	@Test
	void aStoredSessionOfAnotherShardCountIsIgnored() {
		this.sessions.save(0, new Session("stored", RESUME, 42, 2));
		start();
		FakeConnection connection = this.transport.last();
		assertThat(connection.uri.toString()).startsWith(GATEWAY);
		connection.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":1000}}");
		assertThat(connection.sentWithOp(6)).isEmpty();
		assertThat(connection.sentWithOp(2)).hasSize(1);
	}

	@Test
	void dispatchesBetweenResumeAndResumedAreMarkedReplayed() {
		this.sessions.save(0, new Session("stored", RESUME, 42, 1));
		start();
		FakeConnection connection = this.transport.last();
		connection.receive("{\"op\":10,\"d\":{\"heartbeat_interval\":45000}}");
		connection.receive("{\"op\":0,\"s\":43,\"t\":\"A\",\"d\":{}}");
		connection.receive("{\"op\":0,\"s\":44,\"t\":\"A\",\"d\":{}}");
		connection.receive("{\"op\":0,\"s\":45,\"t\":\"RESUMED\",\"d\":{}}");
		connection.receive("{\"op\":0,\"s\":46,\"t\":\"A\",\"d\":{}}");
		awaitDelivered(46);
		assertThat(this.delivered).extracting(DispatchEvent::getSequence, DispatchEvent::isReplayed)
			.containsExactly(tuple(43L, true), tuple(44L, true), tuple(45L, false), tuple(46L, false));
	}

	private static void awaitRelease(CountDownLatch release) {
		try {
			release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitDelivered(long sequence) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.delivered.stream().anyMatch((event) -> event.getSequence() == sequence));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "op 9 false", "4007", "4009" })
	void aSessionDiscordRejectsIsDeletedFromTheStore(String verdict) {
		FakeConnection connection = readyConnection();
		this.callbacks.runAll();
		assertThat(this.sessions.load(0)).isNotNull();
		if (verdict.startsWith("op 9")) {
			connection.receive("{\"op\":9,\"d\":false}");
		}
		else {
			connection.serverCloses(Integer.parseInt(verdict));
		}
		this.callbacks.runAll();
		assertThat(this.sessions.load(0)).isNull();
		assertThat(this.shard.session()).isNull();
	}

	private static ConnectionSettings connection(int maxFailedResumes, Duration helloTimeout) {
		return new ConnectionSettings(null, helloTimeout,
				new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5), Duration.ofSeconds(1),
				Duration.ofSeconds(5), maxFailedResumes);
	}

}
