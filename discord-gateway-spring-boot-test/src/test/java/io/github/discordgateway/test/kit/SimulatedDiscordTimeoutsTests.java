package io.github.discordgateway.test.kit;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.github.discordgateway.simulator.GatewaySimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The kit's awaits give up at their timeout with a message that says what was awaited and what happened instead:
 * here no bot ever connects.
 */
class SimulatedDiscordTimeoutsTests {

	private static final Duration TIMEOUT = Duration.ofMillis(300);

	/** Far below the kit's default timeout, so that an await that ignored {@code within} would overrun it. */
	private static final Duration LATEST = Duration.ofSeconds(5);

	private final GatewaySimulator simulator = GatewaySimulator.start();

	private final SimulatedDiscord discord = new SimulatedDiscord(this.simulator);

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void awaitReadyFailsAtItsTimeoutSayingTheBotNeverIdentified() {
		AssertionError failure = failsWithin(() -> this.discord.within(TIMEOUT).awaitReady());
		assertThat(failure).hasMessage("Expected the bot to hold a READY session within 300 ms, but it has not identified");
	}

	@Test
	void awaitInteractionResponseFailsAtItsTimeoutSayingNoResponseCame() {
		AssertionError failure = failsWithin(
				() -> this.discord.within(TIMEOUT).awaitInteractionResponse("1300000000000000999"));
		assertThat(failure).hasMessageStartingWith("Expected the bot to call POST /interactions/")
			.hasMessageContaining("1300000000000000999")
			.hasMessageContaining("within 300 ms, but no such call happened during this test")
			.hasMessageContaining("REST calls during this test: none");
	}

	private static AssertionError failsWithin(Executable await) {
		long start = System.nanoTime();
		AssertionError[] failure = new AssertionError[1];
		assertThatExceptionOfType(AssertionError.class).isThrownBy(await::execute)
			.satisfies((error) -> failure[0] = error);
		Duration waited = Duration.ofNanos(System.nanoTime() - start);
		assertThat(waited).as("waited the whole timeout").isGreaterThanOrEqualTo(TIMEOUT);
		assertThat(waited).as("gave up at the timeout, not the default one").isLessThan(LATEST);
		return failure[0];
	}

}
