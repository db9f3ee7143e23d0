package io.github.discordgateway.event;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DispatchQueueTests {

	private static DispatchEvent event(long sequence) {
		return new DispatchEvent("MESSAGE_CREATE", 0, sequence, false, RawJson.of("{}"), new GatewayJson());
	}

	/** An event whose data is {@code bytes} long. */
	private static DispatchEvent event(long sequence, int bytes) {
		return new DispatchEvent("MESSAGE_CREATE", 0, sequence, false,
				RawJson.of("{\"x\":\"" + "x".repeat(bytes - 8) + "\"}"), new GatewayJson());
	}

	@Test
	void aThrowingListenerDoesNotStopDelivery() throws InterruptedException {
		List<Long> delivered = new CopyOnWriteArrayList<>();
		DispatchQueue queue = new DispatchQueue(0, 10, (event) -> {
			delivered.add(event.getSequence());
			if (event.getSequence() == 1) {
				throw new IllegalStateException("listener bug");
			}
		});
		queue.enqueue(event(1));
		queue.enqueue(event(2));
		assertThat(queue.stop(Duration.ofSeconds(5))).isTrue();
		assertThat(delivered).containsExactly(1L, 2L);
	}

	@Test
	void aFullQueuePausesTheReaderWithoutDroppingEvents() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		List<Long> delivered = new CopyOnWriteArrayList<>();
		DispatchQueue queue = new DispatchQueue(0, 2, (event) -> {
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			delivered.add(event.getSequence());
		});
		Thread reader = new Thread(() -> {
			for (long sequence = 1; sequence <= 6; sequence++) {
				try {
					queue.enqueue(event(sequence));
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		reader.start();
		await().atMost(Duration.ofSeconds(5)).until(queue::isBlockingReader);
		assertThat(queue.depth()).isEqualTo(2);
		release.countDown();
		reader.join(5000);
		assertThat(queue.stop(Duration.ofSeconds(5))).isTrue();
		assertThat(delivered).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		assertThat(queue.isBlockingReader()).isFalse();
		assertThat(queue.readerPausedSinceLastAsked()).as("the pause is remembered for the next heartbeat").isTrue();
		assertThat(queue.readerPausedSinceLastAsked()).as("and only until then").isFalse();
	}

	@Test
	void theQueueIsBoundedByTheBytesOfTheEventsDataToo() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		List<Long> delivered = new CopyOnWriteArrayList<>();
		DispatchQueue queue = new DispatchQueue(0, 100, 100, blockedUntil(release, delivered), System::nanoTime);
		queue.enqueue(event(1, 60));
		await().atMost(Duration.ofSeconds(5)).until(() -> queue.delivering() != null);
		queue.enqueue(event(2, 60));
		assertThat(queue.depthBytes()).isEqualTo(60);
		Thread reader = new Thread(() -> {
			try {
				queue.enqueue(event(3, 60));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		reader.start();
		await().atMost(Duration.ofSeconds(5)).until(queue::isBlockingReader);
		assertThat(queue.depth()).as("120 bytes would be over the bound of 100").isEqualTo(1);
		release.countDown();
		reader.join(5000);
		assertThat(queue.stop(Duration.ofSeconds(5))).isTrue();
		assertThat(delivered).containsExactly(1L, 2L, 3L);
	}

	@Test
	void anEventLargerThanTheByteBoundIsTakenOnceTheQueueIsEmpty() throws InterruptedException {
		List<Long> delivered = new CopyOnWriteArrayList<>();
		DispatchQueue queue = new DispatchQueue(0, 100, 100, (event) -> delivered.add(event.getSequence()), System::nanoTime);
		assertThat(queue.enqueue(event(1, 1000))).isTrue();
		assertThat(queue.enqueue(event(2, 1000))).isTrue();
		assertThat(queue.stop(Duration.ofSeconds(5))).isTrue();
		assertThat(delivered).containsExactly(1L, 2L);
	}

	@Test
	void anInterruptedEnqueueLeavesNothingCountedSoStopEndsAsSoonAsTheListenerIsDone() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		List<Long> delivered = new CopyOnWriteArrayList<>();
		DispatchQueue queue = new DispatchQueue(0, 1, blockedUntil(release, delivered));
		queue.enqueue(event(1));
		await().atMost(Duration.ofSeconds(5)).until(() -> queue.delivering() != null);
		queue.enqueue(event(2));
		Thread reader = new Thread(() -> {
			try {
				queue.enqueue(event(3));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		reader.start();
		await().atMost(Duration.ofSeconds(5)).until(queue::isBlockingReader);
		reader.interrupt();
		reader.join(5000);
		release.countDown();
		assertThat(queue.stop(Duration.ofSeconds(60))).as("nothing waits for the event never queued").isTrue();
		assertThat(delivered).containsExactly(1L, 2L);
	}

	@Test
	void theEventTheListenerIsBusyWithIsKnownWithWhenItStartedAndOnWhichThread() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		DispatchQueue queue = new DispatchQueue(0, 10, 100, blockedUntil(release, new CopyOnWriteArrayList<>()),
				() -> 42L);
		assertThat(queue.delivering()).isNull();
		queue.enqueue(event(7));
		await().atMost(Duration.ofSeconds(5)).until(() -> queue.delivering() != null);
		DispatchQueue.Delivery delivery = queue.delivering();
		assertThat(delivery.event().getSequence()).isEqualTo(7);
		assertThat(delivery.startedAt()).isEqualTo(42L);
		assertThat(delivery.thread().getName()).startsWith("discord-gateway-events-");
		assertThat(delivery.thread().getState()).as("the thread busy in the listener, whose stack tells where")
			.isIn(Thread.State.WAITING, Thread.State.TIMED_WAITING);
		release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> queue.delivering() == null);
		queue.stop(Duration.ofSeconds(5));
	}

	private static DispatchListener blockedUntil(CountDownLatch release, List<Long> delivered) {
		return (event) -> {
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			delivered.add(event.getSequence());
		};
	}

	@Test
	void stopGivesUpOnASlowListenerAtItsDeadline() throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		DispatchQueue queue = new DispatchQueue(0, 10, (event) -> {
			started.countDown();
			try {
				Thread.sleep(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		queue.enqueue(event(1));
		started.await(5, TimeUnit.SECONDS);
		assertThat(queue.stop(Duration.ofMillis(100))).isFalse();
		assertThat(queue.enqueue(event(2))).as("a stopped queue takes no new events").isFalse();
	}

}
