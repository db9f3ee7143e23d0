package io.github.discordgateway.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.discordgateway.it.BotRunner.RecordingListener;
import io.github.discordgateway.simulator.ClientFrame;
import io.github.discordgateway.simulator.GatewayConnection;
import io.github.discordgateway.simulator.GatewayPort;
import io.github.discordgateway.simulator.SimulatedSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the session is gone (4003, 4007, 4009, op 9 {@code d:false}) the client starts a new one: Identify on the
 * gateway URL, never a Resume. Each of these waits for the client's own 5-second identify window (and the
 * simulator's, which stays on to prove the client honours it). Resumes refused after Hello are counted by the
 * shard's own tests; network failures keep resuming (see the resume tests).
 */
class SessionResilienceIdentifyIntegrationTests extends SessionResilienceSupport {

	/** Far above the identify window's wait, which the invalid-session wait overlaps. */
	private static final Duration IDENTIFY_TIMEOUT = Duration.ofSeconds(15);

	@ParameterizedTest
	@ValueSource(ints = { 4003, 4007, 4009 })
	void identifiesAnewOnTheGatewayUrlAfterASessionEndingCloseCode(int code) {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession first = this.simulator.awaitReady(TIMEOUT);
			dispatchMessages(first, 2);
			closeBy(first, code);
			SimulatedSession second = this.simulator.awaitReady(IDENTIFY_TIMEOUT);
			assertIdentifiedAnewOn(2);
			RecordingListener listener = context.getBean(RecordingListener.class);
			assertEverySequenceOnceInOrder(listener, 1, first, "READY");
			assertEverySequenceOnceInOrder(listener, 2, second, "READY");
			awaitCount(context, "discord.gateway.closes", "code", String.valueOf(code), 1);
			awaitCount(context, "discord.gateway.reconnects", "action", "identify", 1);
			assertThat(count(context, "discord.gateway.reconnects", "action", "resume")).isZero();
		});
	}

	@Test
	void invalidSessionWaitsAtLeastTheConfiguredMinimumThenIdentifiesOnTheGatewayUrl() {
		Duration min = Duration.ofMillis(800);
		BotRunner.against(this.simulator, "discord.gateway.reconnect.invalid-session-delay-min=" + min.toMillis() + "ms",
				"discord.gateway.reconnect.invalid-session-delay-max=1200ms").run((context) -> {
					SimulatedSession first = this.simulator.awaitReady(TIMEOUT);
					Instant beforeInvalidSession = Instant.now();
					first.sendInvalidSession(false);
					SimulatedSession second = this.simulator.awaitReady(IDENTIFY_TIMEOUT);
					assertThat(connection(1).clientCloseCode()).isPresent();
					GatewayConnection next = assertIdentifiedAnewOn(2);
					assertThat(Duration.between(beforeInvalidSession, next.openedAt())).isGreaterThanOrEqualTo(min);
					assertEverySequenceOnceInOrder(context.getBean(RecordingListener.class), 2, second, "READY");
				});
	}

	/**
	 * Asserts that the newest Identify went out on this connection, to the gateway URL, and that no Resume was
	 * ever sent.
	 */
	private GatewayConnection assertIdentifiedAnewOn(int connectionId) {
		GatewayConnection connection = connection(connectionId);
		assertThat(connection.port()).isEqualTo(GatewayPort.GATEWAY);
		assertThat(connection.query()).isEqualTo(connection(1).query());
		List<ClientFrame> identifies = this.simulator.framesReceived(2);
		assertThat(identifies).hasSize(2);
		assertThat(identifies.get(1).connectionId()).isEqualTo(connectionId);
		assertThat(this.simulator.framesReceived(6)).as("Resume frames").isEmpty();
		return connection;
	}

}
