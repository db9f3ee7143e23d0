package io.github.discordgateway.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

import io.github.discordgateway.it.BotRunner.RecordingListener;
import io.github.discordgateway.session.ShardState;
import io.github.discordgateway.sharding.ShardManager;
import io.github.discordgateway.simulator.ClientFrame;
import io.github.discordgateway.simulator.GatewayConnection;
import io.github.discordgateway.simulator.GatewayPort;
import io.github.discordgateway.simulator.SimulatedSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When the session is gone (4003, 4007, 4009, op 9 {@code d:false}, or resumes keep failing) the client starts a
 * new one: Identify on the gateway URL, never a Resume. Each of these waits for the client's own 5-second identify
 * window (and the simulator's, which stays on to prove the client honours it).
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
			assertThat(count(context, "discord.gateway.closes", "code", String.valueOf(code))).isEqualTo(1);
			assertThat(count(context, "discord.gateway.reconnects", "action", "identify")).isEqualTo(1);
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

	@Test
	void afterRepeatedFailedResumesTheResumeUrlIsDroppedForAnIdentifyAndReadyResetsTheBackoff() {
		BotRunner.against(this.simulator, "discord.gateway.reconnect.max-failed-resumes=3",
				"discord.gateway.reconnect.backoff-base=50ms", "discord.gateway.reconnect.backoff-max=100ms")
			.run((context) -> {
				SimulatedSession first = this.simulator.awaitReady(TIMEOUT);
				this.simulator.resumeUrlDown(true);
				closeBy(first, 4000);
				SimulatedSession second = this.simulator.awaitReady(IDENTIFY_TIMEOUT);
				List<GatewayConnection> connections = this.simulator.connections();
				assertThat(connections.subList(1, 4)).allSatisfy((failed) -> {
					assertThat(failed.port()).isEqualTo(GatewayPort.RESUME);
					assertThat(failed.ending()).isEqualTo(GatewayConnection.Ending.SERVER_DROPPED);
				});
				assertIdentifiedAnewOn(5);
				assertThat(count(context, "discord.gateway.reconnects", "action", "resume")).isEqualTo(3);
				assertThat(count(context, "discord.gateway.reconnects", "action", "identify")).isEqualTo(1);
				await().atMost(TIMEOUT).until(() -> shardState(context) == ShardState.READY);
				assertThat(context.getBean(ShardManager.class).statuses().get(0).failedAttempts()).isZero();
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

	private static ShardState shardState(AssertableApplicationContext context) {
		return context.getBean(ShardManager.class).statuses().get(0).state();
	}

}
