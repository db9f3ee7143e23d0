package io.github.discordgateway.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;

import org.springframework.context.ApplicationContext;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.it.BotRunner.RecordingListener;
import io.github.discordgateway.simulator.ClientFrame;
import io.github.discordgateway.simulator.GatewayConnection;
import io.github.discordgateway.simulator.GatewayPort;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the session-resilience integration tests share: a simulator with short heartbeats, the checks of what
 * crossed the wire and of what the listeners received, and, after every test, a check that the client broke no
 * rule the simulator enforces and never ended its session by accident.
 */
abstract class SessionResilienceSupport {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	/**
	 * Short, so that missed ACKs and beats happen within a test's time, yet long enough that a stall of a loaded
	 * machine does not make an ACK an interval late (which the client rightly takes for a zombie connection).
	 */
	static final Duration HEARTBEAT = Duration.ofSeconds(1);

	/** What the simulator closes with when the client breaks a rule (bad payload, double Identify, rate). */
	private static final Set<Integer> ENFORCEMENT_CODES = Set.of(4001, 4002, 4003, 4005, 4008);

	/** Client close codes that end the session at Discord. */
	private static final Set<Integer> SESSION_ENDING_CLIENT_CODES = Set.of(1000, 1001);

	final GatewaySimulator simulator = GatewaySimulator
		.start(SimulatorOptions.builder()
			.heartbeatInterval(HEARTBEAT)
			.enabledPrivilegedIntents(SimulatorOptions.MESSAGE_CONTENT)
			.build());

	/** Close codes a test made the simulator send itself: not a sign of a broken rule. */
	private final Set<Integer> scriptedCloses = new HashSet<>();

	/** Set by the one test that logs out on purpose. */
	boolean loggingOut;

	@AfterEach
	void assertNoRuleBrokenThenStop() {
		try {
			for (GatewayConnection connection : this.simulator.connections()) {
				connection.serverCloseCode().ifPresent((code) -> assertThat(
						!ENFORCEMENT_CODES.contains(code) || this.scriptedCloses.contains(code))
					.as("the simulator closed connection %d with %d: the client broke a rule", connection.id(), code)
					.isTrue());
				OptionalInt clientCode = connection.clientCloseCode();
				assertThat(!this.loggingOut && clientCode.isPresent()
						&& SESSION_ENDING_CLIENT_CODES.contains(clientCode.getAsInt()))
					.as("the client ended the session by closing connection %d with %s", connection.id(), clientCode)
					.isFalse();
			}
		}
		finally {
			this.simulator.close();
		}
	}

	/**
	 * Makes the simulator close the session's connection, as a scripted fault.
	 */
	void closeBy(SimulatedSession session, int code) {
		this.scriptedCloses.add(code);
		session.close(code, "scripted");
	}

	static Map<String, Object> message(SimulatorOptions options, int n) {
		return Map.of("id", String.valueOf(n), "channel_id", "1", "content", "m" + n, "guild_id",
				options.guilds().get(0).id());
	}

	/**
	 * Dispatches messages on the session.
	 * @return the last sequence used
	 */
	long dispatchMessages(SimulatedSession session, int count) {
		long last = -1;
		for (int i = 0; i < count; i++) {
			last = session.dispatch("MESSAGE_CREATE", message(this.simulator.options(), i));
		}
		return last;
	}

	GatewayConnection connection(int id) {
		return this.simulator.connections().get(id - 1);
	}

	GatewayConnection awaitConnection(int id) {
		await().atMost(TIMEOUT).until(() -> this.simulator.connections().size() >= id);
		return connection(id);
	}

	static void awaitDelivered(RecordingListener listener, long sequence) {
		await().atMost(TIMEOUT).until(() -> listener.events.stream().anyMatch((event) -> event.getSequence() == sequence));
	}

	/**
	 * Asserts that the client resumed the session the way GATEWAY.md section 7 says: on the resume URL, with the
	 * first connection's query, with a Resume carrying the token, the session id and the last sequence it had, and
	 * with no second Identify.
	 * @return the connection it resumed on
	 */
	GatewayConnection assertResumed(SimulatedSession session, long lastSequenceSeen) {
		ClientFrame resume = this.simulator.awaitFrame(6, TIMEOUT);
		GatewayConnection on = connection(resume.connectionId());
		assertThat(on.port()).isEqualTo(GatewayPort.RESUME);
		assertThat(on.query()).isEqualTo(connection(1).query());
		JsonNode d = resume.d();
		assertThat(d.get("token").asString()).isEqualTo(this.simulator.options().token());
		assertThat(d.get("session_id").asString()).isEqualTo(session.sessionId());
		assertThat(d.get("seq").asLong()).isEqualTo(lastSequenceSeen);
		assertThat(this.simulator.framesReceived(2)).as("Identify frames").hasSize(1);
		return on;
	}

	/**
	 * Waits until the listener has the {@code n}-th session's (counted by READY, from 1) newest dispatch, then
	 * asserts it received every sequence of that session exactly once and in order.
	 * @param settledBy the event after which the simulator dispatches nothing by itself (READY's GUILD_CREATEs
	 * excepted, RESUMED after a resume)
	 */
	static void assertEverySequenceOnceInOrder(RecordingListener listener, int n, SimulatedSession session,
			String settledBy) {
		await().atMost(TIMEOUT)
			.until(() -> eventsOfSession(listener, n).stream().anyMatch((event) -> event.getName().equals(settledBy)));
		long last = session.lastSequence();
		await().atMost(TIMEOUT).until(() -> sequencesOfSession(listener, n).contains(last));
		assertThat(sequencesOfSession(listener, n)).containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
	}

	private static List<Long> sequencesOfSession(RecordingListener listener, int n) {
		return eventsOfSession(listener, n).stream().map(DispatchEvent::getSequence).toList();
	}

	private static List<DispatchEvent> eventsOfSession(RecordingListener listener, int n) {
		List<DispatchEvent> events = new ArrayList<>();
		int readies = 0;
		for (DispatchEvent event : listener.events) {
			if (event.getName().equals("READY")) {
				readies++;
			}
			if (readies == n) {
				events.add(event);
			}
		}
		return events;
	}

	/**
	 * Waits for a counter to reach a value: the meters hear of closes and reconnects on the client's callback
	 * thread, a moment after the shard acted.
	 */
	static void awaitCount(ApplicationContext context, String meter, String tag, String value, double expected) {
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(count(context, meter, tag, value)).isEqualTo(expected));
	}

	static double count(ApplicationContext context, String meter, String tag, String value) {
		Counter counter = context.getBean(MeterRegistry.class).find(meter).tag("shard", "0").tag(tag, value).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
