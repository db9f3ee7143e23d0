package io.github.discordgateway.it;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.event.EventListener;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.session.StuckListener;
import io.github.discordgateway.sharding.ShardManager;
import io.github.discordgateway.simulator.SimulatedSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener stuck on one event: logged once with the event and the delivery thread's stack, shown in the shard's
 * status and in health (DOWN) while it lasts, and forgotten when the listener returns.
 */
@ExtendWith(OutputCaptureExtension.class)
class StuckListenerIntegrationTests extends SessionResilienceSupport {

	@Test
	void aListenerStuckOnAnEventIsLoggedWithItsStackAndHealthIsDownUntilItReturns(CapturedOutput output) {
		BotRunner.against(this.simulator, "discord.gateway.stuck-listener-threshold=1s")
			.withBean(StuckListenerBean.class)
			.run((context) -> {
				SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
				HealthIndicator indicator = context.getBean("discordGatewayHealthIndicator", HealthIndicator.class);
				await().atMost(TIMEOUT).until(() -> indicator.health(true).getStatus().equals(Status.UP));
				long sequence = session.dispatch("MESSAGE_CREATE", message(this.simulator.options(), 1));
				ShardManager shards = context.getBean(ShardManager.class);
				await().atMost(TIMEOUT).until(() -> shards.shard(0).status().stuckListener() != null);
				StuckListener stuck = shards.shard(0).status().stuckListener();
				assertThat(stuck.event()).isEqualTo("MESSAGE_CREATE");
				assertThat(stuck.sequence()).isEqualTo(sequence);
				Health health = indicator.health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().toString()).contains("stuckListener")
					.contains("event=MESSAGE_CREATE")
					.contains("sequence=" + sequence);
				assertThat(output).contains("A listener of shard 0 is stuck on MESSAGE_CREATE (sequence " + sequence)
					.contains("StuckListenerBean.on");
				context.getBean(StuckListenerBean.class).release();
				await().atMost(TIMEOUT).until(() -> shards.shard(0).status().stuckListener() == null);
				await().atMost(TIMEOUT).until(() -> indicator.health(true).getStatus().equals(Status.UP));
				assertThat(output.toString().split("is stuck on MESSAGE_CREATE", -1)).as("logged once").hasSize(2);
			});
	}

	static class StuckListenerBean {

		private final CountDownLatch latch = new CountDownLatch(1);

		@EventListener(condition = "#event.name == 'MESSAGE_CREATE'")
		void on(DispatchEvent event) throws InterruptedException {
			this.latch.await(30, TimeUnit.SECONDS);
		}

		void release() {
			this.latch.countDown();
		}

	}

}
