package io.github.discordgateway.session;

import java.io.File;
import java.time.Duration;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.discordgateway.event.ProtocolFiles;
import io.github.discordgateway.protocol.CloseAction;
import io.github.discordgateway.session.ReconnectPolicy.Attempts;
import io.github.discordgateway.session.ReconnectPolicy.Decision;
import io.github.discordgateway.session.ReconnectPolicy.Disconnect;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconnect policy as a pure function: every close code the protocol lists, op 7, op 9 both ways, network
 * failures and the failure counts.
 */
class ReconnectPolicyTests {

	private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.5);

	private final ReconnectPolicy policy = new ReconnectPolicy(BACKOFF, Duration.ofSeconds(1), Duration.ofSeconds(5),
			3, () -> 0.5);

	private static final Attempts LIVE_SESSION = new Attempts(true, false, 0, 0);

	static Stream<Arguments> closeCodes() throws Exception {
		File file = ProtocolFiles.file("gateway-v10.json");
		JsonNode codes = JsonMapper.builder().build().readTree(file).get("closeCodes");
		return StreamSupport.stream(codes.spliterator(), false)
			.map((code) -> Arguments.of(code.get("code").asInt(), code.get("sessionAction").asString(),
					code.get("reconnect").asBoolean()));
	}

	@ParameterizedTest(name = "close {0} -> {1}")
	@MethodSource("closeCodes")
	void everyCloseCodeOfTheProtocolGetsTheActionItNames(int code, String sessionAction, boolean reconnect) {
		Decision decision = this.policy.decide(Disconnect.closed(code), new Attempts(true, false, 2, 1));
		CloseAction expected = switch (sessionAction) {
			case "resume" -> CloseAction.RESUME;
			case "identify" -> CloseAction.IDENTIFY;
			default -> CloseAction.STOP;
		};
		assertThat(decision.action()).isEqualTo(expected);
		assertThat(decision.action() != CloseAction.STOP).isEqualTo(reconnect);
		if (reconnect) {
			assertThat(decision.delay()).as("backoff after two failures").isEqualTo(BACKOFF.delay(2));
			assertThat(decision.failedAttempts()).isEqualTo(3);
			assertThat(decision.failedResumes()).as("a close before Hello is no refused resume")
				.isEqualTo((expected == CloseAction.IDENTIFY) ? 0 : 1);
		}
		else {
			assertThat(decision.delay()).isZero();
		}
	}

	@Test
	void unknownCodesAndDroppedConnectionsResume() {
		for (int code : new int[] { 1000, 1001, 1006, 4006, 4999 }) {
			assertThat(this.policy.decide(Disconnect.closed(code), LIVE_SESSION).action()).as("close %d", code)
				.isEqualTo(CloseAction.RESUME);
		}
	}

	@Test
	void reconnectRequestResumesAtOnceWithoutCountingAFailure() {
		Decision decision = this.policy.decide(Disconnect.reconnectRequested(), new Attempts(true, true, 2, 1));
		assertThat(decision).isEqualTo(new Decision(CloseAction.RESUME, Duration.ZERO, 2, 1));
	}

	@Test
	void reconnectRequestWithoutASessionIdentifies() {
		assertThat(this.policy.decide(Disconnect.reconnectRequested(), new Attempts(false, false, 0, 0)).action())
			.isEqualTo(CloseAction.IDENTIFY);
	}

	@Test
	void resumableInvalidSessionResumesAtOnce() {
		Decision decision = this.policy.decide(Disconnect.invalidSession(true), LIVE_SESSION);
		assertThat(decision.action()).isEqualTo(CloseAction.RESUME);
		assertThat(decision.delay()).isZero();
	}

	@Test
	void resumableInvalidSessionWithoutASessionIdentifiesAfterTheRandomWait() {
		Decision decision = this.policy.decide(Disconnect.invalidSession(true), new Attempts(false, false, 0, 0));
		assertThat(decision.action()).isEqualTo(CloseAction.IDENTIFY);
		assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void invalidSessionNotResumableIdentifiesAfterARandomWaitWithinTheBounds() {
		ReconnectPolicy early = new ReconnectPolicy(BACKOFF, Duration.ofSeconds(1), Duration.ofSeconds(5), 3,
				() -> 0.25);
		ReconnectPolicy late = new ReconnectPolicy(BACKOFF, Duration.ofSeconds(1), Duration.ofSeconds(5), 3,
				() -> 0.75);
		Decision first = early.decide(Disconnect.invalidSession(false), new Attempts(true, true, 0, 2));
		Decision second = late.decide(Disconnect.invalidSession(false), LIVE_SESSION);
		assertThat(first.action()).isEqualTo(CloseAction.IDENTIFY);
		assertThat(first.delay()).isEqualTo(Duration.ofSeconds(2));
		assertThat(first.failedResumes()).isZero();
		assertThat(second.action()).isEqualTo(CloseAction.IDENTIFY);
		assertThat(second.delay()).isEqualTo(Duration.ofSeconds(4));
		ReconnectPolicy lowest = new ReconnectPolicy(BACKOFF, Duration.ofSeconds(1), Duration.ofSeconds(5), 3,
				() -> 0.0);
		ReconnectPolicy highest = new ReconnectPolicy(BACKOFF, Duration.ofSeconds(1), Duration.ofSeconds(5), 3,
				() -> Math.nextDown(1.0));
		assertThat(lowest.decide(Disconnect.invalidSession(false), LIVE_SESSION).delay())
			.isEqualTo(Duration.ofSeconds(1));
		assertThat(highest.decide(Disconnect.invalidSession(false), LIVE_SESSION).delay())
			.isLessThanOrEqualTo(Duration.ofSeconds(5))
			.isGreaterThan(Duration.ofMillis(4990));
	}

	@Test
	void theInvalidSessionWaitDefaultsToOneToFiveSeconds() {
		ReconnectPolicy defaults = new ReconnectPolicy(BACKOFF, () -> 0.5);
		assertThat(defaults.invalidSessionDelayMin()).isEqualTo(Duration.ofSeconds(1));
		assertThat(defaults.invalidSessionDelayMax()).isEqualTo(Duration.ofSeconds(5));
		assertThat(defaults.maxFailedResumes()).isEqualTo(3);
		assertThat(defaults.decide(Disconnect.invalidSession(false), LIVE_SESSION).delay())
			.isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void networkFailuresBackOffAndKeepResumingHoweverOftenTheyHappen() {
		Attempts attempts = LIVE_SESSION;
		for (int failure = 0; failure < 20; failure++) {
			Disconnect disconnect = switch (failure % 3) {
				case 0 -> Disconnect.connectionFailed();
				case 1 -> Disconnect.closed(1006);
				default -> Disconnect.helloTimeout();
			};
			Decision decision = this.policy.decide(disconnect, attempts);
			assertThat(decision.action()).as("failure %d", failure).isEqualTo(CloseAction.RESUME);
			assertThat(decision.delay()).isEqualTo(BACKOFF.delay(failure));
			assertThat(decision.failedResumes()).isZero();
			attempts = new Attempts(true, false, decision.failedAttempts(), decision.failedResumes());
		}
		assertThat(attempts.failedAttempts()).isEqualTo(20);
	}

	@Test
	void onlyResumesRefusedAfterHelloCountAndTheLimitGivesTheSessionUp() {
		Decision first = this.policy.decide(Disconnect.closed(4000), new Attempts(true, true, 0, 0));
		assertThat(first.action()).isEqualTo(CloseAction.RESUME);
		assertThat(first.failedResumes()).isEqualTo(1);
		Decision second = this.policy.decide(Disconnect.closed(1006), new Attempts(true, true, 1, 1));
		assertThat(second.action()).isEqualTo(CloseAction.RESUME);
		assertThat(second.failedResumes()).isEqualTo(2);
		Decision third = this.policy.decide(Disconnect.closed(4000), new Attempts(true, true, 2, 2));
		assertThat(third.action()).isEqualTo(CloseAction.IDENTIFY);
		assertThat(third.failedResumes()).isZero();
		assertThat(third.delay()).isEqualTo(BACKOFF.delay(2));
	}

	@Test
	void aZombieConnectionResumesAtOnce() {
		assertThat(this.policy.decide(Disconnect.zombie(), new Attempts(true, false, 1, 1)))
			.isEqualTo(new Decision(CloseAction.RESUME, Duration.ZERO, 1, 1));
	}

	@Test
	void withoutASessionEveryReconnectIdentifies() {
		Attempts none = new Attempts(false, false, 0, 0);
		assertThat(this.policy.decide(Disconnect.closed(4000), none).action()).isEqualTo(CloseAction.IDENTIFY);
		assertThat(this.policy.decide(Disconnect.connectionFailed(), none).action()).isEqualTo(CloseAction.IDENTIFY);
		assertThat(this.policy.decide(Disconnect.helloTimeout(), none).action()).isEqualTo(CloseAction.IDENTIFY);
		assertThat(this.policy.decide(Disconnect.closed(4004), none).action()).isEqualTo(CloseAction.STOP);
	}

}
