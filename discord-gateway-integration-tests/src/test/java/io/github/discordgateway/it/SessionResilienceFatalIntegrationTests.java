package io.github.discordgateway.it;

import java.time.Duration;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.discordgateway.protocol.CloseCode;
import io.github.discordgateway.simulator.SimulatedSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Close codes that no reconnect can fix stop the shard for good, and say what to change.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionResilienceFatalIntegrationTests extends SessionResilienceSupport {

	/** Long enough for an immediate first retry (which a resumable close gets) to have shown up. */
	private static final Duration NO_RECONNECT_FOR = Duration.ofMillis(700);

	@ParameterizedTest
	@ValueSource(ints = { 4004, 4010, 4011, 4012, 4013, 4014 })
	void aFatalCloseCodeStopsTheShardWithHealthDownAndALogLineSayingWhatToFix(int code, CapturedOutput output) {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			HealthIndicator indicator = context.getBean("discordGatewayHealthIndicator", HealthIndicator.class);
			await().atMost(TIMEOUT).until(() -> indicator.health(true).getStatus().equals(Status.UP));
			closeBy(session, code);
			await().atMost(TIMEOUT).until(() -> indicator.health(true).getDetails().toString().contains("FATAL"));
			Health health = indicator.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			String explanation = CloseCode.of(code).explanation();
			assertThat(health.getDetails().toString()).contains("lastCloseCode=" + code).contains(explanation);
			assertThat(output).contains("will not reconnect").contains(explanation);
			await().during(NO_RECONNECT_FOR).atMost(NO_RECONNECT_FOR.multipliedBy(3))
				.until(() -> this.simulator.connections().size() == 1);
			awaitCount(context, "discord.gateway.closes", "code", String.valueOf(code), 1);
			assertThat(count(context, "discord.gateway.reconnects", "action", "resume")
					+ count(context, "discord.gateway.reconnects", "action", "identify")).isZero();
		});
	}

}
