package io.github.discordgateway.it;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.context.event.EventListener;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.it.BotRunner.RecordingListener;
import io.github.discordgateway.session.Shard;
import io.github.discordgateway.simulator.SimulatedSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping the application closes the session with a close frame, resumable unless told otherwise, and waits for
 * listeners already at work, but not forever.
 */
class SessionResilienceShutdownIntegrationTests extends SessionResilienceSupport {

	@Test
	void shutdownClosesResumablyAndWaitsForTheListenerAtWork() {
		BotRunner.against(this.simulator).withBean(BlockingListener.class).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			BlockingListener listener = context.getBean(BlockingListener.class);
			session.dispatch("MESSAGE_CREATE", message(this.simulator.options(), 1));
			await().atMost(TIMEOUT).until(() -> listener.working);
			CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
			await().atMost(TIMEOUT).until(() -> connection(1).clientCloseCode().isPresent());
			assertThat(connection(1).clientCloseCode()).hasValue(Shard.RESUMABLE_CLOSE_CODE);
			assertThat(closing).as("still waiting for the listener").isNotDone();
			listener.release();
			await().atMost(TIMEOUT).until(closing::isDone);
			assertThat(listener.finished).isTrue();
			assertThat(session.isValid()).as("the session stays resumable").isTrue();
		});
	}

	@Test
	void shutdownGivesUpOnAStuckListenerAfterTheTimeout() {
		Duration timeout = Duration.ofMillis(300);
		BotRunner.against(this.simulator, "discord.gateway.shutdown.timeout=" + timeout.toMillis() + "ms")
			.withBean(BlockingListener.class)
			.run((context) -> {
				SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
				BlockingListener listener = context.getBean(BlockingListener.class);
				session.dispatch("MESSAGE_CREATE", message(this.simulator.options(), 1));
				await().atMost(TIMEOUT).until(() -> listener.working);
				long start = System.nanoTime();
				CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
				await().atMost(TIMEOUT).until(closing::isDone);
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(timeout);
				assertThat(listener.finished).as("the stuck listener was not waited for").isFalse();
				assertThat(connection(1).clientCloseCode()).hasValue(Shard.RESUMABLE_CLOSE_CODE);
				listener.release();
			});
	}

	@Test
	void logoutClosesWith1000AndEndsTheSession() {
		this.loggingOut = true;
		BotRunner.against(this.simulator, "discord.gateway.shutdown.resumable=false").run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			context.close();
			await().atMost(TIMEOUT).until(() -> connection(1).clientCloseCode().isPresent());
			assertThat(connection(1).clientCloseCode()).hasValue(1000);
			await().atMost(TIMEOUT).until(() -> !session.isValid());
		});
	}

	@Test
	void stopThenStartResumesTheSessionAndDeliversWhatWasDispatchedMeanwhile() {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			long seen = dispatchMessages(session, 2);
			awaitDelivered(context.getBean(RecordingListener.class), seen);
			context.stop();
			await().atMost(TIMEOUT).until(() -> !session.isConnected());
			assertThat(connection(1).clientCloseCode()).hasValue(Shard.RESUMABLE_CLOSE_CODE);
			dispatchMessages(session, 3);
			context.start();
			assertResumed(session, seen);
			assertEverySequenceOnceInOrder(context.getBean(RecordingListener.class), 1, session, "RESUMED");
		});
	}

	/**
	 * Works on the first message until released.
	 */
	static class BlockingListener {

		volatile boolean working;

		volatile boolean finished;

		private final CountDownLatch latch = new CountDownLatch(1);

		@EventListener(condition = "#event.name == 'MESSAGE_CREATE'")
		void on(DispatchEvent event) throws InterruptedException {
			this.working = true;
			this.latch.await(20, TimeUnit.SECONDS);
			this.finished = true;
		}

		void release() {
			this.latch.countDown();
		}

	}

}
