package io.github.discordgateway.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.protocol.Opcode;
import io.github.discordgateway.session.FakeTransport.FakeConnection;
import io.github.discordgateway.transport.ratelimit.GatewayRateLimiter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbound command queue on a manual clock.
 */
class CommandQueueTests {

	private final ManualScheduler scheduler = new ManualScheduler();

	private final ManualExecutor callbacks = new ManualExecutor();

	private final List<Opcode> observed = new ArrayList<>();

	private final List<Duration> held = new ArrayList<>();

	private final CommandQueue queue = new CommandQueue(0, this.scheduler, this.callbacks, new GatewayObserver() {

		@Override
		public void commandSent(int shardId, Opcode op, Duration waited) {
			CommandQueueTests.this.observed.add(op);
		}

		@Override
		public void rateLimited(int shardId, Opcode op, Duration wait) {
			CommandQueueTests.this.held.add(wait);
		}

	});

	private FakeConnection connection() {
		return new FakeConnection(null, null, this.scheduler::nanoTime);
	}

	private GatewayRateLimiter limiter() {
		return new GatewayRateLimiter(this.scheduler::nanoTime);
	}

	@Test
	void commandsWaitForAReadySessionThenGoOutInOrder() {
		CompletableFuture<Void> first = this.queue.add(Opcode.PRESENCE_UPDATE, "{\"op\":3}");
		CompletableFuture<Void> second = this.queue.add(Opcode.VOICE_STATE_UPDATE, "{\"op\":4}");
		FakeConnection connection = connection();
		this.queue.open(connection, limiter());
		assertThat(connection.sent).containsExactly("{\"op\":3}", "{\"op\":4}");
		assertThat(first).as("completed on the callback executor, not inline").isNotDone();
		this.callbacks.runAll();
		assertThat(first).isCompleted();
		assertThat(second).isCompleted();
		assertThat(this.observed).containsExactly(Opcode.PRESENCE_UPDATE, Opcode.VOICE_STATE_UPDATE);
	}

	@Test
	void commandsSurviveALostConnectionAndGoOutOnTheNextReadyOne() {
		FakeConnection lost = connection();
		this.queue.open(lost, limiter());
		this.queue.pause();
		CompletableFuture<Void> command = this.queue.add(Opcode.REQUEST_CHANNEL_INFO, "{\"op\":43}");
		assertThat(lost.sent).isEmpty();
		FakeConnection next = connection();
		this.queue.open(next, limiter());
		assertThat(next.sent).containsExactly("{\"op\":43}");
		this.callbacks.runAll();
		assertThat(command).isCompleted();
	}

	@Test
	void aCommandWhoseSendFailsIsNotCompletedAsSentButGoesOutOnTheNextReadyConnection() {
		FakeConnection broken = connection();
		broken.failSends = true;
		this.queue.open(broken, limiter());
		CompletableFuture<Void> first = this.queue.add(Opcode.VOICE_STATE_UPDATE, "{\"op\":4}");
		CompletableFuture<Void> second = this.queue.add(Opcode.REQUEST_CHANNEL_INFO, "{\"op\":43}");
		this.callbacks.runAll();
		assertThat(first).isNotDone();
		assertThat(second).isNotDone();
		FakeConnection next = connection();
		this.queue.open(next, limiter());
		assertThat(next.sent).as("in their order").containsExactly("{\"op\":4}", "{\"op\":43}");
		this.callbacks.runAll();
		assertThat(first).isCompleted();
		assertThat(second).isCompleted();
	}

	@Test
	void closingForGoodFailsEveryQueuedCommandAndEveryLaterOne() {
		CompletableFuture<Void> queued = this.queue.add(Opcode.VOICE_STATE_UPDATE, "{\"op\":4}");
		this.queue.closeForGood("closed");
		CompletableFuture<Void> later = this.queue.add(Opcode.VOICE_STATE_UPDATE, "{\"op\":4}");
		this.callbacks.runAll();
		assertThat(queued).isCompletedExceptionally();
		assertThat(later).isCompletedExceptionally();
	}

	@Test
	void aCommandHeldByTheRateLimiterIsReportedOnceWithItsWaitHoweverOftenTheQueueDrains() {
		FakeConnection connection = connection();
		this.queue.open(connection, limiter());
		for (int i = 0; i < 8; i++) {
			this.queue.add(Opcode.PRESENCE_UPDATE, "{\"op\":3,\"n\":" + i + "}");
		}
		this.scheduler.advance(Duration.ofSeconds(1));
		this.callbacks.runAll();
		Duration window = GatewayRateLimiter.PRESENCE_WINDOW.plus(GatewayRateLimiter.PRESENCE_MARGIN);
		assertThat(this.held).containsExactly(window);
		this.scheduler.advance(window);
		this.callbacks.runAll();
		assertThat(connection.sent).as("the three held go out together when the window frees five slots").hasSize(8);
		assertThat(this.held).hasSize(1);
	}

	@Test
	void presenceUpdatesBeyondFivePerTwentySecondsWaitForTheWindow() {
		FakeConnection connection = connection();
		this.queue.open(connection, limiter());
		for (int i = 0; i < 6; i++) {
			this.queue.add(Opcode.PRESENCE_UPDATE, "{\"op\":3,\"n\":" + i + "}");
		}
		assertThat(connection.sent).hasSize(5);
		this.scheduler.advance(GatewayRateLimiter.PRESENCE_WINDOW.plus(GatewayRateLimiter.PRESENCE_MARGIN).minusMillis(1));
		assertThat(connection.sent).hasSize(5);
		this.scheduler.advance(Duration.ofMillis(1));
		assertThat(connection.sent).hasSize(6);
	}

	@Test
	void closingForGoodFailsQueuedAndLaterCommandsUntilReopened() {
		CompletableFuture<Void> queued = this.queue.add(Opcode.VOICE_STATE_UPDATE, "{\"op\":4}");
		this.queue.closeForGood("Shard 0 has stopped for good");
		this.callbacks.runAll();
		assertThat(queued).isCompletedExceptionally();
		assertThat(this.queue.add(Opcode.VOICE_STATE_UPDATE, "{\"op\":4}")).isCompletedExceptionally();
		this.queue.reopen();
		CompletableFuture<Void> later = this.queue.add(Opcode.VOICE_STATE_UPDATE, "{\"op\":4}");
		FakeConnection connection = connection();
		this.queue.open(connection, limiter());
		this.callbacks.runAll();
		assertThat(later).isCompleted();
	}

}
