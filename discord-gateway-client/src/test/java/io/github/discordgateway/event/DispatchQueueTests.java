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
