package io.github.discordgateway.it;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;

import io.github.discordgateway.DiscordGatewayClient;
import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.session.ShardStatus;
import io.github.discordgateway.simulator.GatewayConnection;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SessionStartLimit;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A chaos soak: several shards against the simulator under random faults (op 7, op 9 both ways, resumable
 * closes, dropped TCP, a resume URL refusing connections for a few seconds, silent connections, missing and late
 * ACKs, bursts, a slow listener), cycle after cycle. After each cycle the shards must all be ready again with
 * nothing left open but their connections; at the end, every shard's listener must have seen every sequence of
 * its current session, and of each session a verdict ended every sequence up to where the client stopped reading
 * it, exactly once and in order (no gap, no duplicate); Identify must have happened only where Discord's verdict
 * demanded it, and threads and heap must not have grown.
 * <p>
 * Runs about two minutes; {@code -Dsoak.duration=10m} runs longer, {@code -Dsoak.seed=...} replays a run (the
 * seed is printed).
 */
class ChaosSoakIntegrationTests {

	private static final int SHARDS = 4;

	/** How long one cycle may take to recover: generous, for a loaded 2-core machine. */
	private static final Duration RECOVERY = Duration.ofSeconds(90);

	/** Three heartbeat intervals: long enough for a zombie left by a fault to be found. */
	private static final Duration SETTLED = Duration.ofSeconds(3);

	private static final int MAX_CYCLES = 10_000;

	private static final List<Integer> RESUMABLE_CLOSE_CODES = List.of(4000, 4001, 4002, 4005, 4008);

	private final Duration duration = DurationStyle.detectAndParse(System.getProperty("soak.duration", "2m"));

	private final long seed = Long.getLong("soak.seed", System.nanoTime());

	private final Random random = new Random(this.seed);

	private final GatewaySimulator simulator = GatewaySimulator.start(SimulatorOptions.builder()
		.heartbeatInterval(Duration.ofSeconds(1))
		.recommendedShards(SHARDS)
		// Every shard in its own identify bucket: identifies after a verdict need not queue behind each other.
		.sessionStartLimit(new SessionStartLimit(1000, 1000, Duration.ofHours(4), 16))
		.build());

	private final Map<Integer, List<Seen>> seen = new ConcurrentHashMap<>();

	private volatile int slowListenerMillis;

	private final DiscordGatewayClient client = DiscordGatewayClient.builder()
		.token(this.simulator.options().token())
		.restBaseUrl(this.simulator.restBaseUrl().toString())
		.shards(SHARDS)
		.eventQueueCapacity(64)
		.reconnectBackoff(Duration.ofMillis(200), Duration.ofSeconds(2))
		.invalidSessionDelay(Duration.ofMillis(100), Duration.ofMillis(500))
		.helloTimeout(Duration.ofSeconds(3))
		.eventSink(this::record)
		.build();

	private final Map<Fault, AtomicInteger> faults = new EnumMap<>(Fault.class);

	/**
	 * The sessions ended by a verdict (op 9 {@code false} or a close that ends the session): each demands one
	 * Identify, however many verdicts it got before the client heard the first.
	 */
	private final Set<String> judgedSessions = new HashSet<>();

	@AfterEach
	void close() {
		this.client.close();
		this.simulator.close();
	}

	@Test
	void underRandomFaultsEveryEventArrivesOnceInOrderIdentifyFollowsOnlyVerdictsAndNothingLeaks()
			throws InterruptedException {
		System.out.println("Chaos soak: seed " + this.seed + " (replay with -Dsoak.seed=" + this.seed + "), duration "
				+ this.duration);
		for (Fault fault : Fault.values()) {
			this.faults.put(fault, new AtomicInteger());
		}
		this.client.start();
		awaitRecovered();
		List<Footprint> footprints = new ArrayList<>();
		long end = System.nanoTime() + this.duration.toNanos();
		int cycles = 0;
		while (System.nanoTime() < end && cycles < MAX_CYCLES) {
			runCycle();
			awaitRecovered();
			footprints.add(Footprint.measure(openConnections()));
			cycles++;
		}
		this.client.stop();
		printFigures(cycles, footprints);
		assertEveryShardSawEverySequenceOfEachSessionOnceInOrder();
		assertThat(this.simulator.framesReceived(2)).as("Identify frames: one per shard, one per verdict")
			.hasSize(SHARDS + this.judgedSessions.size());
		assertNothingGrew(footprints);
	}

	private void runCycle() throws InterruptedException {
		int faultsThisCycle = 1 + this.random.nextInt(3);
		for (int i = 0; i < faultsThisCycle; i++) {
			burst();
			inject(Fault.values()[this.random.nextInt(Fault.values().length)]);
		}
		burst();
	}

	private void burst() {
		List<SimulatedSession> sessions = currentSessions();
		SimulatedSession session = sessions.get(this.random.nextInt(sessions.size()));
		int count = 1 + this.random.nextInt(this.random.nextInt(10) == 0 ? 500 : 50);
		for (int i = 0; i < count; i++) {
			try {
				session.dispatch("MESSAGE_CREATE", Map.of("id", String.valueOf(i), "channel_id", "1", "content",
						"m" + i, "guild_id", this.simulator.options().guilds().get(0).id()));
			}
			catch (IllegalStateException ex) {
				// invalidated meanwhile by a verdict: Discord sends it nothing more
				return;
			}
		}
	}

	private void inject(Fault fault) throws InterruptedException {
		SimulatedSession session = readySession();
		if (session == null) {
			return;
		}
		try {
			switch (fault) {
				case RECONNECT -> session.sendReconnect();
				case INVALID_SESSION_RESUMABLE -> session.sendInvalidSession(true);
				case INVALID_SESSION -> {
					session.sendInvalidSession(false);
					this.judgedSessions.add(session.sessionId());
				}
				case RESUMABLE_CLOSE ->
					session.close(RESUMABLE_CLOSE_CODES.get(this.random.nextInt(RESUMABLE_CLOSE_CODES.size())), "chaos");
				case SESSION_TIMED_OUT -> {
					session.close(4009, "chaos");
					this.judgedSessions.add(session.sessionId());
				}
				case DROPPED_TCP -> session.dropConnection();
				case RESUME_URL_DOWN -> {
					this.simulator.resumeUrlDown(true);
					session.dropConnection();
					Thread.sleep(1000 + this.random.nextInt(3000));
					this.simulator.resumeUrlDown(false);
				}
				case SILENT_CONNECTION -> {
					this.simulator.withholdNextHellos(1);
					session.dropConnection();
				}
				case MISSING_ACKS -> {
					this.simulator.pauseAcks(true);
					// Two intervals and a half: one zombie per connection, not a second one on its resume.
					Thread.sleep(2500);
					this.simulator.pauseAcks(false);
				}
				case LATE_ACKS -> {
					this.simulator.ackDelay(Duration.ofMillis(200 + this.random.nextInt(400)));
					Thread.sleep(3000);
					this.simulator.ackDelay(Duration.ZERO);
				}
				case SLOW_LISTENER -> {
					this.slowListenerMillis = 1 + this.random.nextInt(5);
					burst();
					burst();
					Thread.sleep(2000);
					this.slowListenerMillis = 0;
				}
			}
			this.faults.get(fault).incrementAndGet();
		}
		catch (IllegalStateException ex) {
			// the session's connection went away meanwhile: the fault was not made
		}
	}

	/**
	 * A random shard's session, if that shard is ready and its connection live; {@code null} if none is.
	 */
	private SimulatedSession readySession() {
		List<Integer> ready = new ArrayList<>(this.client.statuses()
			.stream()
			.filter(ShardStatus::isReady)
			.map(ShardStatus::shardId)
			.toList());
		if (ready.isEmpty()) {
			return null;
		}
		int shardId = ready.get(this.random.nextInt(ready.size()));
		return currentSession(shardId).filter(SimulatedSession::isConnected).orElse(null);
	}

	private List<SimulatedSession> currentSessions() {
		return IntStream.range(0, SHARDS).mapToObj(this::currentSession).flatMap(Optional::stream).toList();
	}

	private Optional<SimulatedSession> currentSession(int shardId) {
		List<SimulatedSession> sessions = sessionsOf(shardId);
		return sessions.isEmpty() ? Optional.empty() : Optional.of(sessions.get(sessions.size() - 1));
	}

	private List<SimulatedSession> sessionsOf(int shardId) {
		return this.simulator.sessions()
			.stream()
			.filter((session) -> session.shard().map((shard) -> shard.id() == shardId).orElse(false))
			.toList();
	}

	/**
	 * Every shard ready on a live session with everything dispatched delivered, and no connection open but
	 * theirs, for {@link #SETTLED} on end: a fault's after-effects (a beat sent while ACKs were paused, found
	 * unanswered at the next beat) play out after the state first looks recovered.
	 */
	private void awaitRecovered() {
		await().atMost(RECOVERY).during(SETTLED).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			assertThat(this.client.statuses()).as("shard statuses").hasSize(SHARDS).allMatch(ShardStatus::isReady);
			for (int shardId = 0; shardId < SHARDS; shardId++) {
				List<SimulatedSession> sessions = sessionsOf(shardId);
				assertThat(sessions).as("sessions of shard %d", shardId).isNotEmpty();
				SimulatedSession current = sessions.get(sessions.size() - 1);
				assertThat(current.isConnected()).as("session %s of shard %d connected", current, shardId).isTrue();
				List<List<Long>> delivered = sessionsSeenBy(shardId);
				assertThat(delivered).as("sessions the listener of shard %d saw", shardId).hasSameSizeAs(sessions);
				assertThat(delivered.get(delivered.size() - 1))
					.as("sequences delivered of the current session of shard %d", shardId)
					.contains(current.lastSequence());
			}
			assertThat(openConnections()).as("connections open").isEqualTo(SHARDS);
		});
	}

	private long openConnections() {
		return this.simulator.connections().stream().filter(GatewayConnection::isOpen).count();
	}

	private void record(DispatchEvent event) {
		this.seen.computeIfAbsent(event.getShardId(), (id) -> new ArrayList<>());
		List<Seen> shard = this.seen.get(event.getShardId());
		synchronized (shard) {
			shard.add(new Seen(event.getName(), event.getSequence()));
		}
		int slow = this.slowListenerMillis;
		if (slow > 0) {
			try {
				Thread.sleep(slow);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * The sequences a shard's listener saw, one list per session (a session starts with READY).
	 */
	private List<List<Long>> sessionsSeenBy(int shardId) {
		List<Seen> events = this.seen.getOrDefault(shardId, List.of());
		List<Seen> copy;
		synchronized (events) {
			copy = new ArrayList<>(events);
		}
		List<List<Long>> sessions = new ArrayList<>();
		for (Seen event : copy) {
			if (event.name().equals("READY")) {
				sessions.add(new ArrayList<>());
			}
			if (!sessions.isEmpty()) {
				sessions.get(sessions.size() - 1).add(event.sequence());
			}
		}
		return sessions;
	}

	private void assertEveryShardSawEverySequenceOfEachSessionOnceInOrder() {
		for (int shardId = 0; shardId < SHARDS; shardId++) {
			List<SimulatedSession> sessions = sessionsOf(shardId);
			List<List<Long>> delivered = sessionsSeenBy(shardId);
			assertThat(delivered).as("sessions the listener of shard %d saw", shardId).hasSameSizeAs(sessions);
			for (int i = 0; i < sessions.size(); i++) {
				boolean current = i == sessions.size() - 1;
				// A session a verdict ended may lose its tail: what Discord sent it after the client last read its
				// connection (a zombie close racing the verdict) is never replayed, as on any client. Nothing else.
				long last = current ? sessions.get(i).lastSequence() : delivered.get(i).size();
				assertThat(last).as("sequences delivered of session %d of shard %d", i + 1, shardId)
					.isLessThanOrEqualTo(sessions.get(i).lastSequence());
				assertThat(delivered.get(i)).as("sequences of session %d of shard %d", i + 1, shardId)
					.containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
			}
		}
	}

	private void assertNothingGrew(List<Footprint> footprints) {
		if (footprints.size() < 4) {
			return;
		}
		// The first cycles warm up (classes, pools, JIT); compare the later ones with them.
		Footprint baseline = footprints.get(1);
		Footprint last = footprints.get(footprints.size() - 1);
		assertThat(last.threads()).as("live threads after the last cycle (after the second: %d)", baseline.threads())
			.isLessThanOrEqualTo(baseline.threads() + 8);
		assertThat(last.heapBytes()).as("heap after GC after the last cycle (after the second: %d)",
				baseline.heapBytes())
			.isLessThanOrEqualTo(baseline.heapBytes() + 96L * 1024 * 1024);
		assertThat(footprints).as("open connections after each cycle").allMatch((footprint) -> footprint.openConnections() == SHARDS);
	}

	private void printFigures(int cycles, List<Footprint> footprints) {
		int events = IntStream.range(0, SHARDS).map((id) -> this.seen.getOrDefault(id, List.of()).size()).sum();
		System.out.println("Chaos soak figures (seed " + this.seed + "): " + cycles + " cycles; faults " + this.faults
				+ "; sessions ended by a verdict " + this.judgedSessions.size() + "; connections " + this.simulator.connections().size()
				+ " (reconnects " + (this.simulator.connections().size() - SHARDS) + "); resumes "
				+ this.simulator.framesReceived(6).size() + "; identifies " + this.simulator.framesReceived(2).size()
				+ "; events delivered " + events);
		if (!footprints.isEmpty()) {
			System.out.println("Chaos soak footprint: first " + footprints.get(0) + ", last "
					+ footprints.get(footprints.size() - 1));
		}
	}

	private enum Fault {

		RECONNECT, INVALID_SESSION_RESUMABLE, INVALID_SESSION, RESUMABLE_CLOSE, SESSION_TIMED_OUT, DROPPED_TCP,
		RESUME_URL_DOWN, SILENT_CONNECTION, MISSING_ACKS, LATE_ACKS, SLOW_LISTENER

	}

	private record Seen(String name, long sequence) {
	}

	/**
	 * What the process holds after a cycle: live threads, heap in use after a GC, and connections the simulator
	 * sees open.
	 */
	private record Footprint(int threads, long heapBytes, long openConnections) {

		static Footprint measure(long openConnections) {
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			System.gc();
			return new Footprint(ManagementFactory.getThreadMXBean().getThreadCount(),
					memory.getHeapMemoryUsage().getUsed(), openConnections);
		}

	}

}
