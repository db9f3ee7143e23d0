package io.github.discordgateway.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many shards' queues delivering on one small pool: order and exclusivity per queue, no shard starved or stopped
 * by another's listener, and stops and starts that lose, repeat or reorder nothing.
 */
class DispatchQueueSharedPoolTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final DeliveryExecutor pool = DeliveryExecutor.pool(2);

	private final List<DispatchQueue> queues = new ArrayList<>();

	@AfterEach
	void stopQueuesAndPool() throws InterruptedException {
		for (DispatchQueue queue : this.queues) {
			queue.stop(Duration.ZERO);
		}
		this.pool.shutdown(Duration.ofSeconds(1));
	}

	@Test
	void manyQueuesSharingTwoThreadsEachDeliverEveryEventOnceInOrderAndOneAtATime() throws InterruptedException {
		int queueCount = 20;
		int events = 2000;
		List<List<Long>> delivered = new ArrayList<>();
		Set<Thread> deliveringThreads = ConcurrentHashMap.newKeySet();
		AtomicInteger overlaps = new AtomicInteger();
		List<Thread> readers = new ArrayList<>();
		for (int shard = 0; shard < queueCount; shard++) {
			List<Long> received = Collections.synchronizedList(new ArrayList<>());
			delivered.add(received);
			AtomicBoolean busy = new AtomicBoolean();
			DispatchQueue queue = queue(shard, 16, (event) -> {
				if (!busy.compareAndSet(false, true)) {
					overlaps.incrementAndGet();
				}
				deliveringThreads.add(Thread.currentThread());
				received.add(event.getSequence());
				busy.set(false);
			});
			int shardId = shard;
			readers.add(new Thread(() -> {
				for (long sequence = 1; sequence <= events; sequence++) {
					try {
						queue.enqueue(event(shardId, sequence));
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}));
		}
		readers.forEach(Thread::start);
		for (Thread reader : readers) {
			reader.join(WAIT.toMillis());
			assertThat(reader.isAlive()).as("a reader paused by back-pressure resumes").isFalse();
		}
		await().atMost(WAIT).until(() -> delivered.stream().allMatch((received) -> received.size() == events));
		List<Long> expected = LongStream.rangeClosed(1, events).boxed().toList();
		assertThat(delivered).allSatisfy((received) -> assertThat(received).isEqualTo(expected));
		assertThat(overlaps).as("one delivery at a time per queue").hasValue(0);
		assertThat(deliveringThreads).hasSizeLessThanOrEqualTo(2);
		assertThat(this.pool.poolSize()).isLessThanOrEqualTo(2);
	}

	@Test
	void aListenerBlockedOnOneQueueDoesNotStopTheOthersWhileAThreadOfThePoolIsFree() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		DispatchQueue blocked = queue(0, 100, awaiting(release));
		DispatchQueue alsoBlocked = queue(1, 100, awaiting(release));
		List<Long> delivered = new CopyOnWriteArrayList<>();
		DispatchQueue free = queue(2, 1000, (event) -> delivered.add(event.getSequence()));
		blocked.enqueue(event(0, 1));
		await().atMost(WAIT).until(() -> blocked.delivering() != null);
		for (long sequence = 1; sequence <= 100; sequence++) {
			free.enqueue(event(2, sequence));
		}
		await().atMost(WAIT).until(() -> delivered.size() == 100);
		assertThat(blocked.delivering()).as("still blocked meanwhile").isNotNull();

		alsoBlocked.enqueue(event(1, 1));
		await().atMost(WAIT).until(() -> alsoBlocked.delivering() != null);
		free.enqueue(event(2, 101));
		assertThat(free.depth()).as("both threads of the pool are held by blocked listeners").isEqualTo(1);
		assertThat(this.pool.poolSize()).isEqualTo(2);
		release.countDown();
		await().atMost(WAIT).until(() -> delivered.size() == 101);
		assertThat(delivered).isEqualTo(LongStream.rangeClosed(1, 101).boxed().toList());
	}

	@Test
	void aFloodedQueueGivesItsThreadToAWaitingQueueAfterABatch() throws InterruptedException {
		DeliveryExecutor oneThread = DeliveryExecutor.pool(1);
		try {
			CountDownLatch release = new CountDownLatch(1);
			AtomicInteger floodDelivered = new AtomicInteger();
			AtomicInteger floodDeliveredWhenTheOtherRan = new AtomicInteger(-1);
			DispatchQueue flooded = track(new DispatchQueue(0, 10_000, DispatchQueue.DEFAULT_MAX_BYTES, (event) -> {
				if (event.getSequence() == 1) {
					awaiting(release).onDispatch(event);
				}
				floodDelivered.incrementAndGet();
			}, System::nanoTime, oneThread, DispatchQueue.DeliveryObserver.NONE));
			DispatchQueue other = track(new DispatchQueue(1, 10, DispatchQueue.DEFAULT_MAX_BYTES,
					(event) -> floodDeliveredWhenTheOtherRan.set(floodDelivered.get()), System::nanoTime, oneThread,
					DispatchQueue.DeliveryObserver.NONE));
			flooded.enqueue(event(0, 1));
			await().atMost(WAIT).until(() -> flooded.delivering() != null);
			int floodSize = 3 * DispatchQueue.BATCH;
			for (long sequence = 2; sequence <= floodSize; sequence++) {
				flooded.enqueue(event(0, sequence));
			}
			other.enqueue(event(1, 1));
			release.countDown();
			await().atMost(WAIT).until(() -> floodDeliveredWhenTheOtherRan.get() >= 0);
			assertThat(floodDeliveredWhenTheOtherRan).as("the other queue waited for one batch, not the flood")
				.hasValue(DispatchQueue.BATCH);
			await().atMost(WAIT).until(() -> floodDelivered.get() == floodSize);
		}
		finally {
			oneThread.shutdown(Duration.ofSeconds(1));
		}
	}

	@Test
	void aDrainLeftInAStuckListenerByAStopCarriesOnAfterTheRestartSoNothingOvertakesIt() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean interruptedByStop = new AtomicBoolean();
		List<Boolean> interruptedOnArrival = new CopyOnWriteArrayList<>();
		List<Long> delivered = new CopyOnWriteArrayList<>();
		AtomicBoolean busy = new AtomicBoolean();
		AtomicInteger overlaps = new AtomicInteger();
		DispatchQueue queue = queue(0, 100, (event) -> {
			if (!busy.compareAndSet(false, true)) {
				overlaps.incrementAndGet();
			}
			interruptedOnArrival.add(Thread.currentThread().isInterrupted());
			if (event.getSequence() == 1) {
				// A listener that outlives the stop: it notes the interrupt, waits on, and restores the flag.
				interruptedByStop.set(waitIgnoringInterrupts(release));
				Thread.currentThread().interrupt();
			}
			delivered.add(event.getSequence());
			busy.set(false);
		});
		queue.enqueue(event(0, 1));
		await().atMost(WAIT).until(() -> queue.delivering() != null);
		queue.enqueue(event(0, 2));
		queue.enqueue(event(0, 3));
		assertThat(queue.stop(Duration.ofMillis(10))).isFalse();
		queue.start();
		assertThat(queue.enqueue(event(0, 4))).isTrue();
		assertThat(queue.delivering().event().getSequence()).as("the listener is still on the first event").isEqualTo(1);
		release.countDown();
		await().atMost(WAIT).until(() -> delivered.size() == 4);
		assertThat(delivered).containsExactly(1L, 2L, 3L, 4L);
		assertThat(overlaps).hasValue(0);
		assertThat(interruptedByStop).as("the stop interrupted the listener past its deadline").isTrue();
		assertThat(interruptedOnArrival).as("no interrupt reaches the next listener").containsOnly(false);
	}

	@Test
	void stopsAndStartsRacingWithTheReaderLoseNothingAndDeliverNothingTwiceOrOutOfOrder() throws InterruptedException {
		List<Long> accepted = new CopyOnWriteArrayList<>();
		List<Long> delivered = new CopyOnWriteArrayList<>();
		AtomicBoolean busy = new AtomicBoolean();
		AtomicInteger overlaps = new AtomicInteger();
		DispatchQueue queue = queue(0, 8, (event) -> {
			if (!busy.compareAndSet(false, true)) {
				overlaps.incrementAndGet();
			}
			delivered.add(event.getSequence());
			busy.set(false);
		});
		Thread reader = new Thread(() -> {
			for (long sequence = 1; sequence <= 20_000; sequence++) {
				try {
					if (queue.enqueue(event(0, sequence))) {
						accepted.add(sequence);
					}
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		reader.start();
		for (int round = 0; round < 1000 && reader.isAlive(); round++) {
			queue.stop(Duration.ZERO);
			queue.start();
		}
		reader.join(WAIT.toMillis());
		assertThat(reader.isAlive()).isFalse();
		queue.start();
		assertThat(queue.stop(WAIT)).isTrue();
		assertThat(accepted).isNotEmpty();
		assertThat(delivered).isEqualTo(accepted);
		assertThat(overlaps).hasValue(0);
		assertThat(queue.lastDelivered().position()).isEqualTo(accepted.size());
	}

	private DispatchQueue queue(int shardId, int capacity, DispatchListener listener) {
		return track(new DispatchQueue(shardId, capacity, DispatchQueue.DEFAULT_MAX_BYTES, listener, System::nanoTime,
				this.pool, DispatchQueue.DeliveryObserver.NONE));
	}

	private DispatchQueue track(DispatchQueue queue) {
		this.queues.add(queue);
		return queue;
	}

	private static DispatchEvent event(int shardId, long sequence) {
		return new DispatchEvent("MESSAGE_CREATE", shardId, sequence, false, RawJson.of("{}"), new GatewayJson());
	}

	private static DispatchListener awaiting(CountDownLatch release) {
		return (event) -> {
			try {
				release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
	}

	/** Waits for the latch up to {@link #WAIT}; returns whether it was interrupted meanwhile. */
	private static boolean waitIgnoringInterrupts(CountDownLatch release) {
		boolean interrupted = false;
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (release.getCount() > 0 && System.nanoTime() < deadline) {
			try {
				release.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		return interrupted;
	}

}
