package io.github.discordgateway.it;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.it.BotRunner.RecordingListener;
import io.github.discordgateway.sharding.ShardManager;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listeners cannot hurt the session: one that throws is logged and the others still run, and slow ones hold the
 * socket reader back (a bounded queue) without losing an event or being taken for a zombie connection.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionResilienceDeliveryIntegrationTests extends SessionResilienceSupport {

	@Test
	void aThrowingListenerIsLoggedWithEventAndSequenceWhileTheOthersAndTheSessionGoOn(CapturedOutput output) {
		BotRunner.against(this.simulator, BotRunner.READS_MESSAGE_CONTENT).withBean(ThrowingListener.class).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			session.dispatch("MESSAGE_CREATE", message(this.simulator.options(), 1));
			long failing = session.dispatch("MESSAGE_CREATE", ThrowingListener.boom(this.simulator.options()));
			session.dispatch("MESSAGE_CREATE", message(this.simulator.options(), 3));
			assertEverySequenceOnceInOrder(context.getBean(RecordingListener.class), 1, session, "READY");
			assertThat(context.getBean(ThrowingListener.class).calls.get())
				.as("the throwing listener keeps being called").isEqualTo(3);
			assertThat(output)
				.contains("failed on MESSAGE_CREATE (sequence " + failing + ", shard 0); the other listeners still run");
			long later = session.dispatch("MESSAGE_CREATE", message(this.simulator.options(), 4));
			awaitDelivered(context.getBean(RecordingListener.class), later);
			assertThat(this.simulator.connections()).as("the session went on on its connection").hasSize(1);
		});
	}

	@Test
	void aFullQueueHoldsTheReaderBackWithoutLosingAnEventOrTriggeringZombieDetection() {
		int capacity = 2;
		BotRunner.against(this.simulator, "discord.gateway.event-queue-capacity=" + capacity)
			.withBean(BlockingListener.class)
			.run((context) -> {
				SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
				BlockingListener blocking = context.getBean(BlockingListener.class);
				dispatchMessages(session, 30);
				await().atMost(TIMEOUT).until(() -> blocking.blocked);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				await().atMost(TIMEOUT).until(() -> registry.get("discord.gateway.events.queued").tag("shard", "0")
					.gauge().value() == capacity);
				assertThat(context.getBean(ShardManager.class).shard(0).queue().isBlockingReader()).isTrue();
				// ACKs sit unread behind the paused reader for several beats: that is no zombie connection.
				int beats = this.simulator.framesReceived(1).size();
				await().atMost(TIMEOUT).until(() -> this.simulator.framesReceived(1).size() >= beats + 3);
				assertThat(this.simulator.connections()).hasSize(1);
				blocking.release();
				assertEverySequenceOnceInOrder(context.getBean(RecordingListener.class), 1, session, "READY");
				await().atMost(TIMEOUT).until(() -> registry.get("discord.gateway.events.queued").tag("shard", "0")
					.gauge().value() == 0);
				assertThat(this.simulator.connections()).hasSize(1);
			});
	}

	static class ThrowingListener {

		final AtomicInteger calls = new AtomicInteger();

		static Map<String, Object> boom(SimulatorOptions options) {
			return Map.of("id", "2", "channel_id", "1", "content", "boom", "guild_id",
					options.guilds().get(0).id());
		}

		@EventListener(condition = "#event.name == 'MESSAGE_CREATE'")
		@Order(Ordered.HIGHEST_PRECEDENCE)
		void on(DispatchEvent event) {
			this.calls.incrementAndGet();
			if (event.getDataNode().get("content").asString().equals("boom")) {
				throw new IllegalStateException("boom");
			}
		}

	}

	/**
	 * Blocks on the first message until released, then is merely slow.
	 */
	static class BlockingListener {

		volatile boolean blocked;

		private final CountDownLatch latch = new CountDownLatch(1);

		@EventListener(condition = "#event.name == 'MESSAGE_CREATE'")
		void on(DispatchEvent event) throws InterruptedException {
			this.blocked = true;
			this.latch.await(20, TimeUnit.SECONDS);
			Thread.sleep(5);
		}

		void release() {
			this.latch.countDown();
		}

	}

}
