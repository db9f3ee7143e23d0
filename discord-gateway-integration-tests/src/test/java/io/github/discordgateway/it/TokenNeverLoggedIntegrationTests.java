package io.github.discordgateway.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.discordgateway.command.DiscordGateway;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole session, with its faults and its shutdown, logged at DEBUG everywhere, shows the token in no form; nor
 * does a rejected token.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenNeverLoggedIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** An Identify waits for the identify window (5 s) of the one before. */
	private static final Duration IDENTIFY_TIMEOUT = Duration.ofSeconds(20);

	/** Shaped like a real token: the user id, a timestamp, then the secret part. */
	private static final String TOKEN = "MTEyMzQ1Njc4OTAxMjM0NTY3OA.GqXk2f.s3cr3t-Part_Of-The-Token-0123456789abcd";

	private static final String REJECTED_TOKEN = "MTEyMzQ1Njc4OTAxMjM0NTY3OA.Gwrong.an0ther-S3cret-Part_0123456789abcdef";

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private Level rootLevel;

	@BeforeEach
	void logEverything() {
		this.rootLevel = this.root.getLevel();
		this.root.setLevel(Level.DEBUG);
	}

	@AfterEach
	void restoreLogging() {
		this.root.setLevel(this.rootLevel);
	}

	@Test
	void aSessionThroughReconnectsInvalidSessionsAndShutdownNeverLogsTheToken(CapturedOutput output) {
		SimulatorOptions options = SimulatorOptions.builder().token(TOKEN).heartbeatInterval(Duration.ofSeconds(1))
			.build();
		try (GatewaySimulator simulator = GatewaySimulator.start(options)) {
			BotRunner.against(simulator, "discord.gateway.reconnect.invalid-session-delay-min=10ms",
					"discord.gateway.reconnect.invalid-session-delay-max=20ms").run((context) -> {
				SimulatedSession session = simulator.awaitReady(TIMEOUT);
				context.getBean(DiscordGateway.class).requestChannelInfo(
						io.github.discordgateway.command.RequestChannelInfo.allFields(options.guilds().get(0).id()));
				session.sendReconnect();
				await().atMost(TIMEOUT).until(() -> simulator.framesReceived(6).size() == 1);
				session.close(4000, "scripted");
				await().atMost(TIMEOUT).until(() -> simulator.framesReceived(6).size() == 2);
				await().atMost(TIMEOUT).until(session::isConnected);
				session.sendInvalidSession(false);
				SimulatedSession second = awaitSecondSession(simulator);
				second.dispatch("TYPING_START", Map.of("channel_id", "1", "user_id", "2", "timestamp", 1));
			});
		}
		assertThat(output).as("DEBUG logging was on").contains("DEBUG");
		assertNoFormOf(TOKEN, output);
	}

	@Test
	void aRejectedTokenIsNeverLogged(CapturedOutput output) {
		try (GatewaySimulator simulator = GatewaySimulator.start(SimulatorOptions.builder().token(TOKEN).build())) {
			BotRunner.against(simulator, "discord.token=" + REJECTED_TOKEN).run((context) -> {
				HealthIndicator indicator = context.getBean("discordGatewayHealthIndicator", HealthIndicator.class);
				await().atMost(TIMEOUT).until(() -> indicator.health(true).getDetails().toString().contains("rejected"));
			});
		}
		assertThat(output).contains("rejected");
		assertNoFormOf(REJECTED_TOKEN, output);
	}

	/**
	 * The session the second Identify started, which waits out the identify window of the first.
	 */
	private static SimulatedSession awaitSecondSession(GatewaySimulator simulator) {
		await().atMost(IDENTIFY_TIMEOUT).until(() -> simulator.sessions().size() == 2
				&& simulator.sessions().get(1).isConnected());
		return simulator.sessions().get(1);
	}

	private static void assertNoFormOf(String token, CapturedOutput output) {
		String secret = token.substring(token.lastIndexOf('.') + 1);
		for (String form : List.of(token, secret, URLEncoder.encode(token, StandardCharsets.UTF_8))) {
			assertThat(output.getAll()).as("the output holds a form of the token").doesNotContain(form);
		}
	}

}
