package io.github.discordgateway.transport.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GatewayRateLimiterTests {

	private static final Duration DISCORD_INTERVAL = Duration.ofMillis(41_250);

	private final FakeClock clock = new FakeClock();

	private final GatewayRateLimiter limiter = new GatewayRateLimiter(this.clock);

	@ParameterizedTest
	@CsvSource({ "41250, 3", "30000, 3", "29999, 4", "60000, 2", "120000, 2", "1000, 61", "100, 119", "1, 119" })
	void reservesCeilOfTheWindowOverTheIntervalPlusOne(long intervalMillis, int reserve) {
		this.limiter.setHeartbeatInterval(Duration.ofMillis(intervalMillis));
		assertThat(this.limiter.heartbeatReserve()).isEqualTo(reserve);
	}

	@Test
	void refusesANonPositiveInterval() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.limiter.setHeartbeatInterval(Duration.ZERO));
	}

	@Test
	void keepsTheDefaultReserveBeforeHello() {
		assertThat(acquireAll()).isEqualTo(120 - GatewayRateLimiter.DEFAULT_HEARTBEAT_RESERVE);
	}

	@Test
	void letsCommandsUseAllButTheReserveThenBlocksUntilTheOldestExpires() {
		this.limiter.setHeartbeatInterval(DISCORD_INTERVAL);
		assertThat(this.limiter.tryAcquireCommand()).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(acquireAll()).isEqualTo(116);
		assertThat(this.limiter.nanosUntilCommandPermitted()).isEqualTo(Duration.ofSeconds(59).toNanos());

		this.clock.advance(Duration.ofSeconds(59).minusNanos(1));
		assertThat(this.limiter.tryAcquireCommand()).isFalse();
		assertThat(this.limiter.nanosUntilCommandPermitted()).isEqualTo(1);
		this.clock.advance(Duration.ofNanos(1));
		assertThat(this.limiter.nanosUntilCommandPermitted()).isZero();
		assertThat(acquireAll()).isEqualTo(1);
		assertThat(this.limiter.nanosUntilCommandPermitted()).isEqualTo(Duration.ofSeconds(1).toNanos());
	}

	@Test
	void alwaysAllowsHeartbeatsAndCommandsNeverTakeTheReserve() {
		this.limiter.setHeartbeatInterval(DISCORD_INTERVAL);
		assertThat(acquireAll()).isEqualTo(117);
		for (int beat = 0; beat < 3; beat++) {
			this.limiter.recordHeartbeat();
			assertThat(this.limiter.tryAcquireCommand()).isFalse();
		}
		// The reserve was never lent to commands, so the three beats fit: 117 + 3 = 120.
		assertThat(this.limiter.nanosUntilCommandPermitted()).isEqualTo(Duration.ofSeconds(60).toNanos());
	}

	@Test
	void heartbeatsWithinTheReserveDoNotCostCommands() {
		this.limiter.setHeartbeatInterval(DISCORD_INTERVAL);
		this.limiter.recordHeartbeat();
		this.limiter.recordHeartbeat();
		assertThat(acquireAll()).isEqualTo(117);
	}

	@Test
	void commandsGiveWayToHeartbeatsBeyondTheReserve() {
		this.limiter.setHeartbeatInterval(DISCORD_INTERVAL);
		for (int beat = 0; beat < 5; beat++) {
			this.limiter.recordHeartbeat();
		}
		assertThat(acquireAll()).isEqualTo(115);
	}

	@Test
	void heartbeatsFillingTheWindowBlockCommandsUntilTheyExpire() {
		for (int beat = 0; beat < 130; beat++) {
			this.limiter.recordHeartbeat();
			this.clock.advance(Duration.ofMillis(100));
		}
		assertThat(this.limiter.tryAcquireCommand()).isFalse();
		long wait = this.limiter.nanosUntilCommandPermitted();
		assertThat(wait).isPositive();
		this.clock.advance(Duration.ofNanos(wait));
		assertThat(this.limiter.tryAcquireCommand()).isTrue();
	}

	@Test
	void slidesRatherThanResettingAtWindowBoundaries() {
		this.limiter.setHeartbeatInterval(DISCORD_INTERVAL);
		assertThat(acquire(60)).isEqualTo(60);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(acquireAll()).isEqualTo(57);

		this.clock.advance(Duration.ofSeconds(30).minusMillis(1));
		assertThat(this.limiter.tryAcquireCommand()).isFalse();
		this.clock.advance(Duration.ofMillis(1));
		// Only the first 60 have left the window; the 57 from 30 s ago still count.
		assertThat(acquireAll()).isEqualTo(60);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(acquireAll()).isEqualTo(57);
	}

	@Test
	void limitsPresenceUpdatesToFivePerTwentySeconds() {
		this.limiter.setHeartbeatInterval(DISCORD_INTERVAL);
		for (int update = 0; update < 5; update++) {
			assertThat(this.limiter.tryAcquirePresenceUpdate()).isTrue();
			this.clock.advance(Duration.ofSeconds(1));
		}
		assertThat(this.limiter.tryAcquirePresenceUpdate()).isFalse();
		// 20 s after the first, and the margin for the first to have arrived later than the sixth would.
		assertThat(this.limiter.nanosUntilPresenceUpdatePermitted()).isEqualTo(Duration.ofSeconds(16).toNanos());
		assertThat(this.limiter.tryAcquireCommand()).as("other commands are not held up").isTrue();

		this.clock.advance(Duration.ofSeconds(16).minusNanos(1));
		assertThat(this.limiter.tryAcquirePresenceUpdate()).isFalse();
		this.clock.advance(Duration.ofNanos(1));
		assertThat(this.limiter.tryAcquirePresenceUpdate()).isTrue();
		assertThat(this.limiter.tryAcquirePresenceUpdate()).isFalse();
	}

	@Test
	void presenceUpdatesCountTowardTheCommandBudget() {
		this.limiter.setHeartbeatInterval(DISCORD_INTERVAL);
		assertThat(this.limiter.tryAcquirePresenceUpdate()).isTrue();
		assertThat(acquireAll()).isEqualTo(116);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.limiter.tryAcquirePresenceUpdate()).as("a presence slot is free, a command slot is not")
			.isFalse();
		assertThat(this.limiter.nanosUntilPresenceUpdatePermitted()).isEqualTo(Duration.ofSeconds(30).toNanos());
	}

	@Test
	void neverExceeds120InAnySixtySecondsUnderRegularHeartbeats() {
		Random random = new Random(3);
		this.limiter.setHeartbeatInterval(DISCORD_INTERVAL);
		Deque<Long> sent = new ArrayDeque<>();
		long window = Duration.ofSeconds(60).toNanos();
		long nextBeat = (long) (DISCORD_INTERVAL.toNanos() * random.nextDouble());
		long end = Duration.ofMinutes(30).toNanos();
		while (this.clock.now < end) {
			if (this.clock.now >= nextBeat) {
				this.limiter.recordHeartbeat();
				sent.add(this.clock.now);
				nextBeat += DISCORD_INTERVAL.toNanos();
			}
			// A greedy sender: everything it may, at random moments.
			while (this.limiter.tryAcquireCommand()) {
				sent.add(this.clock.now);
			}
			while (!sent.isEmpty() && this.clock.now - sent.peekFirst() >= window) {
				sent.removeFirst();
			}
			assertThat(sent).hasSizeLessThanOrEqualTo(120);
			this.clock.advance(Duration.ofMillis(1 + random.nextInt(3000)));
		}
	}

	@Test
	void usesNanoTimeDifferencesSoWrappingIsHarmless() {
		this.clock.now = Long.MAX_VALUE - Duration.ofSeconds(10).toNanos();
		this.limiter.setHeartbeatInterval(DISCORD_INTERVAL);
		assertThat(acquireAll()).isEqualTo(117);
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.limiter.tryAcquireCommand()).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(acquireAll()).isEqualTo(117);
	}

	private int acquireAll() {
		return acquire(1000);
	}

	/** Acquires up to {@code max} command slots at the current instant and says how many it got. */
	private int acquire(int max) {
		int acquired = 0;
		while (acquired < max && this.limiter.tryAcquireCommand()) {
			acquired++;
		}
		return acquired;
	}

	static final class FakeClock implements LongSupplier {

		long now;

		void advance(Duration duration) {
			this.now += duration.toNanos();
		}

		@Override
		public long getAsLong() {
			return this.now;
		}

	}

}
