package io.github.discordgateway.event;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The delivery pool: a thread only when none is idle, no more than its maximum, none left when idle.
 */
class DeliveryExecutorTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Test
	void tasksOneAfterAnotherKeepOneThread() throws InterruptedException {
		DeliveryExecutor pool = DeliveryExecutor.pool(4);
		try {
			for (int i = 0; i < 20; i++) {
				CountDownLatch ran = new CountDownLatch(1);
				pool.execute(ran::countDown);
				assertThat(ran.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
				await().atMost(WAIT).until(() -> pool.busyThreads() == 0);
			}
			assertThat(pool.poolSize()).isEqualTo(1);
		}
		finally {
			pool.shutdown(Duration.ofSeconds(1));
		}
	}

	@Test
	void aThreadIsStartedWhileEveryThreadIsBusyUpToTheMaximumThenTasksWait() throws InterruptedException {
		DeliveryExecutor pool = DeliveryExecutor.pool(3);
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(3);
		try {
			for (int i = 0; i < 3; i++) {
				pool.execute(() -> {
					started.countDown();
					awaitQuietly(release);
				});
			}
			assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("three busy threads").isTrue();
			AtomicBoolean fourthRan = new AtomicBoolean();
			pool.execute(() -> fourthRan.set(true));
			assertThat(pool.poolSize()).isEqualTo(3);
			assertThat(fourthRan).as("it waits for a thread").isFalse();
			release.countDown();
			await().atMost(WAIT).untilTrue(fourthRan);
		}
		finally {
			release.countDown();
			pool.shutdown(Duration.ofSeconds(1));
		}
	}

	@Test
	void idleThreadsEndSoAnIdleClientHoldsNone() throws InterruptedException {
		DeliveryExecutor pool = DeliveryExecutor.pool(2, Duration.ofMillis(100));
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(2);
		try {
			for (int i = 0; i < 2; i++) {
				pool.execute(() -> {
					started.countDown();
					awaitQuietly(release);
				});
			}
			assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(pool.poolSize()).isEqualTo(2);
			release.countDown();
			await().atMost(WAIT).until(() -> pool.poolSize() == 0);
		}
		finally {
			pool.shutdown(Duration.ofSeconds(1));
		}
	}

	@Test
	void poolThreadsAreNamedDaemons() throws InterruptedException {
		DeliveryExecutor pool = DeliveryExecutor.pool(1);
		try {
			Thread[] thread = new Thread[1];
			CountDownLatch ran = new CountDownLatch(1);
			pool.execute(() -> {
				thread[0] = Thread.currentThread();
				ran.countDown();
			});
			assertThat(ran.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(thread[0].getName()).matches("discord-gateway-events-\\d+");
			assertThat(thread[0].isDaemon()).isTrue();
		}
		finally {
			pool.shutdown(Duration.ofSeconds(1));
		}
	}

	@Test
	void theClientsExecutorRunsOnVirtualThreadsWhereTheJvmHasThem() throws InterruptedException {
		DeliveryExecutor executor = DeliveryExecutor.create(4);
		try {
			assertThat(executor.isVirtual()).isEqualTo(Runtime.version().feature() >= 21);
			Thread[] thread = new Thread[1];
			CountDownLatch ran = new CountDownLatch(1);
			executor.execute(() -> {
				thread[0] = Thread.currentThread();
				ran.countDown();
			});
			assertThat(ran.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(thread[0].getName()).startsWith("discord-gateway-events-");
		}
		finally {
			executor.shutdown(Duration.ofSeconds(1));
		}
	}

	@Test
	void aShutDownExecutorTakesNoTask() {
		DeliveryExecutor pool = DeliveryExecutor.pool(1);
		pool.shutdown(Duration.ofSeconds(1));
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> pool.execute(() -> {
		}));
		DeliveryExecutor executor = DeliveryExecutor.create(1);
		executor.shutdown(Duration.ofSeconds(1));
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> executor.execute(() -> {
		}));
	}

	@Test
	void aShutdownInterruptsATaskThatOutlivesItsTimeout() {
		DeliveryExecutor pool = DeliveryExecutor.pool(1);
		CountDownLatch started = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		pool.execute(() -> {
			started.countDown();
			try {
				new CountDownLatch(1).await(WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
			}
		});
		await().atMost(WAIT).until(() -> started.getCount() == 0);
		pool.shutdown(Duration.ofMillis(50));
		await().atMost(WAIT).untilTrue(interrupted);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
