package io.github.discordgateway.simulator;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sessions outlive their connections, replay what was missed, and die the ways Discord says they die.
 */
class GatewayResumeTests {

	private final GatewaySimulator simulator = GatewaySimulator
		.start(SimulatorOptions.builder().identifyWindow(Duration.ZERO).build());

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void resumeReplaysMissedDispatchesInOrderThenResumed() {
		SimulatedSession session;
		try (JdkGatewayClient first = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			first.identify(1);
			first.next(0);
			session = this.simulator.awaitReady(JdkGatewayClient.TIMEOUT);
			first.close(4000);
			assertThat(first.awaitCloseCode()).isEqualTo(4000);
		}
		await().atMost(JdkGatewayClient.TIMEOUT).until(() -> !session.isConnected());
		assertThat(session.dispatch("CHANNEL_CREATE", Map.of("id", "10"))).isEqualTo(3);
		assertThat(session.dispatch("CHANNEL_CREATE", "{\"id\":\"11\"}")).isEqualTo(4);
		try (JdkGatewayClient second = JdkGatewayClient.connect(this.simulator.resumeGatewayUrl())) {
			second.next(10);
			second.send(JdkGatewayClient.resumePayload(session.sessionId(), 2));
			JsonNode replayed = second.next(0);
			assertThat(replayed.path("s").asLong()).isEqualTo(3);
			assertThat(replayed.path("d").path("id").asString()).isEqualTo("10");
			assertThat(second.next(0).path("s").asLong()).isEqualTo(4);
			JsonNode resumed = second.next(0);
			assertThat(resumed.path("t").asString()).isEqualTo("RESUMED");
			assertThat(resumed.path("s").asLong()).isEqualTo(5);
			assertThat(session.dispatch("CHANNEL_CREATE", "{\"id\":\"12\"}")).isEqualTo(6);
			assertThat(second.next(0).path("s").asLong()).isEqualTo(6);
		}
		GatewayConnection resumedOn = this.simulator.connections().get(1);
		assertThat(resumedOn.port()).isEqualTo(GatewayPort.RESUME);
		assertThat(resumedOn.sessionId()).contains(session.sessionId());
		assertThat(this.simulator.connections().get(0).clientCloseCode()).hasValue(4000);
	}

	@Test
	void resumeOfUnknownSessionGetsInvalidSessionFalseAndStaysOpen() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.resumeGatewayUrl())) {
			client.next(10);
			client.send(JdkGatewayClient.resumePayload("no-such-session", 1));
			assertThat(client.next(9).path("d").asBoolean(true)).isFalse();
			client.send("{\"op\":1,\"d\":null}");
			client.next(11);
		}
	}

	@Test
	void closeWith1000InvalidatesTheSession() {
		SimulatedSession session = identifyThenClose(1000);
		await().atMost(JdkGatewayClient.TIMEOUT).until(() -> !session.isValid());
		assertResumeRefused(session);
	}

	@Test
	void droppedConnectionKeepsTheSessionResumable() {
		SimulatedSession session;
		JdkGatewayClient first = JdkGatewayClient.connect(this.simulator.gatewayUrl());
		first.identify(1);
		session = this.simulator.awaitReady(JdkGatewayClient.TIMEOUT);
		first.close();
		await().atMost(JdkGatewayClient.TIMEOUT)
			.untilAsserted(() -> assertThat(this.simulator.connections().get(0).ending())
				.isEqualTo(GatewayConnection.Ending.CLIENT_DROPPED));
		assertThat(session.isValid()).isTrue();
		try (JdkGatewayClient second = JdkGatewayClient.connect(this.simulator.resumeGatewayUrl())) {
			second.next(10);
			second.send(JdkGatewayClient.resumePayload(session.sessionId(), session.lastSequence()));
			assertThat(second.next(0).path("t").asString()).isEqualTo("RESUMED");
		}
	}

	@Test
	void invalidatedSessionGetsInvalidSessionOnResume() {
		SimulatedSession session = identifyThenClose(4000);
		session.invalidate();
		assertResumeRefused(session);
	}

	@Test
	void seqBeyondTheLastSentClosesWith4007() {
		SimulatedSession session = identifyThenClose(4000);
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.resumeGatewayUrl())) {
			client.next(10);
			client.send(JdkGatewayClient.resumePayload(session.sessionId(), session.lastSequence() + 1));
			assertThat(client.awaitCloseCode()).isEqualTo(4007);
		}
		assertThat(session.isValid()).isFalse();
	}

	@Test
	void expiredSessionClosesWithTheChosenCode() {
		SimulatedSession session = identifyThenClose(4000);
		session.expireOnNextResume(4009);
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.resumeGatewayUrl())) {
			client.next(10);
			client.send(JdkGatewayClient.resumePayload(session.sessionId(), 1));
			assertThat(client.awaitCloseCode()).isEqualTo(4009);
		}
	}

	@Test
	void invalidSessionFalseFromTheServerEndsTheSession() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.identify(1);
			SimulatedSession session = this.simulator.awaitReady(JdkGatewayClient.TIMEOUT);
			session.sendInvalidSession(false);
			client.next(0);
			assertThat(client.next(9).path("d").asBoolean(true)).isFalse();
			assertThat(session.isValid()).isFalse();
		}
	}

	@Test
	void serverDropGivesTheClientAnAbnormalEndWithoutCloseFrame() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.identify(1);
			SimulatedSession session = this.simulator.awaitReady(JdkGatewayClient.TIMEOUT);
			session.dropConnection();
			await().atMost(JdkGatewayClient.TIMEOUT).until(() -> client.error.isDone() || client.closeCode.isDone());
			assertThat(client.closeCode).as("a close frame, which a dropped connection never sends").isNotDone();
			assertThat(this.simulator.connections().get(0).ending()).isEqualTo(GatewayConnection.Ending.SERVER_DROPPED);
			assertThat(session.isValid()).isTrue();
		}
	}

	@Test
	void resumeUrlDownCutsResumeConnectionsBeforeHelloButNotGatewayOnes() {
		this.simulator.resumeUrlDown(true);
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.resumeGatewayUrl())) {
			await().atMost(JdkGatewayClient.TIMEOUT).until(() -> client.error.isDone() || client.closeCode.isDone());
			assertThat(client.closeCode).as("a close frame, which a cut connection never sends").isNotDone();
		}
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.next(10);
		}
		assertThat(this.simulator.connections().get(0).ending()).isEqualTo(GatewayConnection.Ending.SERVER_DROPPED);
		assertThat(this.simulator.framesReceived()).isEmpty();
		this.simulator.resumeUrlDown(false);
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.resumeGatewayUrl())) {
			client.next(10);
		}
	}

	private SimulatedSession identifyThenClose(int code) {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.identify(1);
			SimulatedSession session = this.simulator.awaitReady(JdkGatewayClient.TIMEOUT);
			client.close(code);
			assertThat(client.awaitCloseCode()).isEqualTo(code);
			return session;
		}
	}

	private void assertResumeRefused(SimulatedSession session) {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.resumeGatewayUrl())) {
			client.next(10);
			client.send(JdkGatewayClient.resumePayload(session.sessionId(), 1));
			assertThat(client.next(9).path("d").asBoolean(true)).isFalse();
		}
	}

}
