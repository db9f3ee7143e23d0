package io.github.discordgateway.it;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health tells the truth: it follows heartbeats, reports a "connected but deaf" session (and resumes it when
 * told to), and a fatal close.
 */
class ObservabilityHealthIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration HEARTBEAT = Duration.ofSeconds(1);

	private final GatewaySimulator simulator = GatewaySimulator
		.start(SimulatorOptions.builder().heartbeatInterval(HEARTBEAT).build());

	@AfterEach
	void stopSimulator() {
		this.simulator.close();
	}

	private static HealthIndicator indicator(ApplicationContext context) {
		return context.getBean("discordGatewayHealthIndicator", HealthIndicator.class);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> shard(Health health) {
		return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("shards")).get("0");
	}

	private static void awaitUp(ApplicationContext context) {
		await().atMost(TIMEOUT).until(() -> indicator(context).health(true).getStatus().equals(Status.UP));
	}

	@Test
	void aReadyShardShowsItsStateLatencyLastEventsAndAShortenedSessionId() {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			await().atMost(TIMEOUT).until(() -> shard(indicator(context).health(true)).containsKey("lastAckAt"));
			Map<String, Object> shard = shard(indicator(context).health(true));
			assertThat(shard).containsEntry("status", "UP")
				.containsEntry("state", "READY")
				.containsEntry("heartbeatIntervalMillis", HEARTBEAT.toMillis())
				.containsEntry("heartbeatOverdue", false)
				.containsEntry("dispatchSilent", false)
				.containsKeys("latencyMillis", "lastDispatchAt", "lastAckAt")
				.doesNotContainKey("reason");
			assertThat((String) shard.get("sessionId")).startsWith(session.sessionId().substring(0, 6))
				.isNotEqualTo(session.sessionId());
			assertThat(shard.toString()).doesNotContain(this.simulator.options().token());
		});
	}

	@Test
	void aShardWhoseAcksGoUnreadForTwoIntervalsIsDownUntilTheyAreRead() {
		// One slot in the queue and a listener held: the socket reader waits for room, so ACKs sit unread (the
		// zombie check rightly lets that pass); the bot is not keeping up, and health must say so.
		BotRunner.against(this.simulator, "discord.gateway.event-queue-capacity=1")
			.withBean(HeldListener.class)
			.run((context) -> {
				SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
				awaitUp(context);
				HeldListener held = context.getBean(HeldListener.class);
				for (int i = 0; i < 3; i++) {
					session.dispatch("TYPING_START", Map.of("channel_id", "1", "user_id", "2", "timestamp", i));
				}
				await().atMost(TIMEOUT).until(() -> indicator(context).health(true).getStatus().equals(Status.DOWN));
				Map<String, Object> shard = shard(indicator(context).health(true));
				assertThat(shard).containsEntry("state", "READY").containsEntry("heartbeatOverdue", true);
				assertThat((String) shard.get("reason")).startsWith("heartbeats overdue");
				held.release.countDown();
				awaitUp(context);
				assertThat(this.simulator.connections()).hasSize(1);
			});
	}

	@Test
	void unacknowledgedHeartbeatsTakeHealthDownUntilAcksComeBack() {
		BotRunner.against(this.simulator).run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			awaitUp(context);
			this.simulator.pauseAcks(true);
			await().atMost(TIMEOUT).until(() -> indicator(context).health(true).getStatus().equals(Status.DOWN));
			this.simulator.pauseAcks(false);
			awaitUp(context);
		});
	}

	@Test
	void acksSlowerThanTheIntervalTakeHealthDownUntilTheyAreOnTimeAgain() {
		BotRunner.against(this.simulator).run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			awaitUp(context);
			this.simulator.ackDelay(HEARTBEAT.multipliedBy(3));
			await().atMost(TIMEOUT).until(() -> indicator(context).health(true).getStatus().equals(Status.DOWN));
			this.simulator.ackDelay(Duration.ZERO);
			awaitUp(context);
		});
	}

	@Test
	void aSessionThatAcksButDeliversNothingIsReportedDeafWithTheWatchdogOn() {
		BotRunner.against(this.simulator, "discord.gateway.watchdog.dispatch-silence=3s").run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			awaitUp(context);
			await().atMost(TIMEOUT).until(() -> indicator(context).health(true).getStatus().equals(Status.DOWN));
			Map<String, Object> shard = shard(indicator(context).health(true));
			assertThat(shard).containsEntry("state", "READY")
				.containsEntry("dispatchSilent", true)
				.containsEntry("heartbeatOverdue", false);
			assertThat((String) shard.get("reason")).startsWith("connected but deaf");
			session.dispatch("TYPING_START", Map.of("channel_id", "1", "user_id", "2", "timestamp", 1));
			awaitUp(context);
			assertThat(this.simulator.connections()).hasSize(1);
		});
	}

	@Test
	void aQuietSessionStaysUpWithTheWatchdogOff() {
		BotRunner.against(this.simulator).run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			awaitUp(context);
			await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8))
				.until(() -> indicator(context).health(true).getStatus().equals(Status.UP));
		});
	}

	@Test
	void aDeafSessionIsResumedWhenTheWatchdogIsToldTo() {
		BotRunner.against(this.simulator, "discord.gateway.watchdog.dispatch-silence=3s",
				"discord.gateway.watchdog.resume-on-silence=true")
			.run((context) -> {
				SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
				await().atMost(TIMEOUT).until(() -> session.resumes() >= 1);
				assertThat(this.simulator.connections().get(0).isOpen()).isFalse();
				awaitUp(context);
			});
	}

	@Test
	void aFatalCloseShowsItsCodeAndReason() {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			awaitUp(context);
			session.close(4014, "Disallowed intent(s).");
			await().atMost(TIMEOUT).until(() -> "FATAL".equals(shard(indicator(context).health(true)).get("state")));
			Health health = indicator(context).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(shard(health)).containsEntry("status", "DOWN")
				.containsEntry("lastCloseCode", 4014)
				.hasEntrySatisfying("lastCloseReason",
						(reason) -> assertThat((String) reason).contains("4014").contains("Disallowed intent(s)."));
		});
	}

	/**
	 * Holds every TYPING_START until released.
	 */
	static class HeldListener {

		final CountDownLatch release = new CountDownLatch(1);

		@EventListener
		void on(DispatchEvent event) throws InterruptedException {
			if (event.getName().equals("TYPING_START")) {
				this.release.await(30, TimeUnit.SECONDS);
			}
		}

	}

}
