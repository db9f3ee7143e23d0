package io.github.discordgateway.it;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.discordgateway.it.BotRunner.RecordingListener;
import io.github.discordgateway.session.ShardState;
import io.github.discordgateway.sharding.ShardManager;
import io.github.discordgateway.simulator.GatewayConnection;
import io.github.discordgateway.simulator.GatewayPort;
import io.github.discordgateway.simulator.SimulatedSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every disconnect after which the session survives ends in a Resume on the resume URL, and the listeners see
 * the session as one continuous stream: dispatched while the client was away, replayed, delivered once, in order.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionResilienceResumeIntegrationTests extends SessionResilienceSupport {

	@ParameterizedTest
	@ValueSource(ints = { 4000, 4001, 4002, 4005, 4008, 4100 })
	void resumesAfterAResumableCloseCode(int code, CapturedOutput output) {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			long seen = beforeTheFault(context, session);
			closeBy(session, code);
			dispatchMessages(session, 3);
			assertResumed(session, seen);
			assertEverySequenceOnceInOrder(context.getBean(RecordingListener.class), 1, session, "RESUMED");
			awaitCount(context, "discord.gateway.closes", "code", String.valueOf(code), 1);
			awaitCount(context, "discord.gateway.reconnects", "action", "resume", 1);
			// The close counted as a failed attempt; RESUMED resets the backoff.
			await().atMost(TIMEOUT).until(() -> context.getBean(ShardManager.class).statuses().get(0).state() == ShardState.READY);
			assertThat(context.getBean(ShardManager.class).statuses().get(0).failedAttempts()).isZero();
		});
		if (code == 4100) {
			assertThat(output).contains("unknown code 4100; resuming");
		}
	}

	@Test
	void aResumeUrlThatDropsEveryConnectionIsRetriedWithBackoffUntilTheResumeSucceeds() {
		BotRunner.against(this.simulator, "discord.gateway.reconnect.max-failed-resumes=3",
				"discord.gateway.reconnect.backoff-base=50ms", "discord.gateway.reconnect.backoff-max=100ms")
			.run((context) -> {
				SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
				long seen = beforeTheFault(context, session);
				this.simulator.resumeUrlDown(true);
				closeBy(session, 4000);
				// Twice the failed resume limit: network failures before Hello never give the session up.
				await().atMost(TIMEOUT).until(() -> this.simulator.connections().size() >= 7);
				this.simulator.resumeUrlDown(false);
				dispatchMessages(session, 3);
				assertResumed(session, seen);
				assertThat(this.simulator.connections().subList(1, 7)).allSatisfy((failed) -> {
					assertThat(failed.port()).isEqualTo(GatewayPort.RESUME);
					assertThat(failed.ending()).isEqualTo(GatewayConnection.Ending.SERVER_DROPPED);
				});
				assertEverySequenceOnceInOrder(context.getBean(RecordingListener.class), 1, session, "RESUMED");
				assertThat(count(context, "discord.gateway.reconnects", "action", "identify")).isZero();
				await().atMost(TIMEOUT)
					.until(() -> context.getBean(ShardManager.class).statuses().get(0).state() == ShardState.READY);
				assertThat(context.getBean(ShardManager.class).statuses().get(0).failedAttempts()).isZero();
			});
	}

	@Test
	void resumesAfterTheConnectionDropsWithoutACloseFrame() {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			long seen = beforeTheFault(context, session);
			session.dropConnection();
			dispatchMessages(session, 3);
			assertResumed(session, seen);
			assertEverySequenceOnceInOrder(context.getBean(RecordingListener.class), 1, session, "RESUMED");
			awaitCount(context, "discord.gateway.closes", "code", "1006", 1);
		});
	}

	@Test
	void reconnectRequestIsHonouredWithANonNormalCloseThenAResume() {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			long seen = beforeTheFault(context, session);
			session.sendReconnect();
			// Sent on the socket the client is leaving: only the replay can bring them.
			dispatchMessages(session, 3);
			GatewayConnection resumedOn = assertResumed(session, seen);
			assertThat(connection(1).clientCloseCode()).isPresent();
			assertThat(resumedOn.id()).isEqualTo(2);
			assertEverySequenceOnceInOrder(context.getBean(RecordingListener.class), 1, session, "RESUMED");
			awaitCount(context, "discord.gateway.reconnects", "action", "resume", 1);
		});
	}

	@Test
	void reconnectRequestInsteadOfHelloOnTheResumeConnectionIsHonouredToo() {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			long seen = beforeTheFault(context, session);
			this.simulator.sendReconnectInsteadOfNextHello();
			session.sendReconnect();
			dispatchMessages(session, 3);
			GatewayConnection resumedOn = assertResumed(session, seen);
			GatewayConnection withoutHello = connection(2);
			assertThat(withoutHello.port()).isEqualTo(GatewayPort.RESUME);
			await().atMost(TIMEOUT).until(() -> connection(2).clientCloseCode().isPresent());
			assertThat(this.simulator.framesReceived().stream().filter((frame) -> frame.connectionId() == 2))
				.as("frames sent before any Hello").isEmpty();
			assertThat(resumedOn.id()).isEqualTo(3);
			assertEverySequenceOnceInOrder(context.getBean(RecordingListener.class), 1, session, "RESUMED");
		});
	}

	@Test
	void reconnectRequestBeforeTheFirstHelloLeadsToAnIdentifyOnTheGatewayUrl() {
		this.simulator.sendReconnectInsteadOfNextHello();
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			await().atMost(TIMEOUT).until(() -> connection(1).clientCloseCode().isPresent());
			assertThat(connection(2).port()).isEqualTo(GatewayPort.GATEWAY);
			assertThat(this.simulator.framesReceived(2)).singleElement()
				.satisfies((identify) -> assertThat(identify.connectionId()).isEqualTo(2));
			assertThat(session.connectionId()).hasValue(2);
		});
	}

	@Test
	void zombieConnectionIsClosedWithANonNormalCodeThenResumed() {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			long seen = beforeTheFault(context, session);
			int beatsBefore = this.simulator.framesReceived(1).size();
			this.simulator.pauseAcks(true);
			await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10))
				.until(() -> connection(1).clientCloseCode().isPresent());
			this.simulator.pauseAcks(false);
			// When the zombie is declared (one interval after an unanswered beat) ShardTests prove on a manual clock.
			assertThat(this.simulator.framesReceived(1).get(beatsBefore).connectionId()).isEqualTo(1);
			dispatchMessages(session, 3);
			assertResumed(session, seen);
			assertEverySequenceOnceInOrder(context.getBean(RecordingListener.class), 1, session, "RESUMED");
		});
	}

	@Test
	void resumableInvalidSessionResumes() {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			long seen = beforeTheFault(context, session);
			session.sendInvalidSession(true);
			dispatchMessages(session, 3);
			assertResumed(session, seen);
			assertThat(connection(1).clientCloseCode()).isPresent();
			assertEverySequenceOnceInOrder(context.getBean(RecordingListener.class), 1, session, "RESUMED");
		});
	}

	/**
	 * Dispatches a few messages live and waits until the listener has them, so the client's last sequence is known.
	 * @return that sequence
	 */
	private long beforeTheFault(AssertableApplicationContext context, SimulatedSession session) {
		long seen = dispatchMessages(session, 3);
		awaitDelivered(context.getBean(RecordingListener.class), seen);
		return seen;
	}

}
