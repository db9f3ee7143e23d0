package io.github.discordgateway.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import io.github.discordgateway.rest.ratelimit.RateLimitExceededException;
import io.github.discordgateway.rest.ratelimit.RateLimitObserver;
import io.github.discordgateway.rest.ratelimit.RateLimitSettings;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.RestCall;
import io.github.discordgateway.simulator.RestRateLimit;
import io.github.discordgateway.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Discord RestClient against the simulator over real HTTP on 127.0.0.1.
 */
class DiscordRestClientsTests {

	private static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.secret-part-of-the-token";

	private static final String CHANNEL = "/channels/1300000000000000002/messages";

	private final List<GatewaySimulator> simulators = new ArrayList<>();

	@AfterEach
	void closeSimulators() {
		this.simulators.forEach(GatewaySimulator::close);
	}

	@Test
	void twoHundredMessagesToOneChannelAllArriveWithinTheBucketAndWithoutA429() throws Exception {
		int limit = 10;
		Duration window = Duration.ofMillis(100);
		GatewaySimulator simulator = start(RestRateLimit.of(limit, window, 10_000));
		RestClient client = DiscordRestClients.create(RestClient.builder(), simulator.restBaseUrl().toString(), TOKEN,
				new RateLimitSettings(3, 10_000), RateLimitObserver.NONE);
		int messages = 200;
		long started = System.nanoTime();
		ExecutorService callers = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (int i = 0; i < messages; i++) {
				String content = "message " + i;
				sent.add(callers.submit(() -> client.post()
					.uri(CHANNEL)
					.body(Map.of("content", content))
					.retrieve()
					.toBodilessEntity()));
			}
			for (Future<?> future : sent) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			callers.shutdownNow();
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		List<RestCall> calls = simulator.restCalls();
		assertThat(calls).hasSize(messages).allSatisfy((call) -> assertThat(call.status()).isEqualTo(200));
		// The bucket allows `limit` per window, so 200 messages need at least 19 full windows. Waiting a window
		// per message (an exhausted bucket's wait applied to every request) would take 20 s; allow 15 for load.
		Duration fewestWindows = window.multipliedBy(messages / limit - 1);
		Duration windowPerMessage = window.multipliedBy(messages);
		assertThat(elapsed).isGreaterThanOrEqualTo(fewestWindows)
			.isLessThan(windowPerMessage.multipliedBy(3).dividedBy(4));
	}

	@Test
	void aForced429IsWaitedOutAndRetriedOnce() {
		GatewaySimulator simulator = start(RestRateLimit.DISCORD);
		RestClient client = DiscordRestClients.create(RestClient.builder(), simulator.restBaseUrl().toString(), TOKEN);
		simulator.rateLimitNextRestRequest(Duration.ofMillis(300), "user");
		client.post().uri(CHANNEL).body(Map.of("content", "hi")).retrieve().toBodilessEntity();
		List<RestCall> calls = simulator.restCalls();
		assertThat(calls).extracting(RestCall::status).containsExactly(429, 200);
		assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(1).receivedAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void a429ThatDoesNotGoAwayEndsInRateLimitExceededException() {
		GatewaySimulator simulator = start(RestRateLimit.DISCORD);
		RestClient client = DiscordRestClients.create(RestClient.builder(), simulator.restBaseUrl().toString(), TOKEN,
				new RateLimitSettings(0, 50), RateLimitObserver.NONE);
		simulator.rateLimitNextRestRequest(Duration.ofMillis(50), "shared");
		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> client.post().uri(CHANNEL).body(Map.of("content", "hi")).retrieve().toBodilessEntity())
			.satisfies((ex) -> assertThat(ex.getScope()).isEqualTo("shared"))
			.withMessageNotContaining(TOKEN);
		assertThat(simulator.restCalls()).extracting(RestCall::status).containsExactly(429);
	}

	@Test
	void theTokenGoesToTheApiBaseAndNowhereElse() {
		GatewaySimulator discord = start(RestRateLimit.DISCORD);
		GatewaySimulator elsewhere = start(RestRateLimit.DISCORD);
		RestClient client = DiscordRestClients.create(RestClient.builder(), discord.restBaseUrl().toString(), TOKEN);
		client.get().uri("/gateway").retrieve().toBodilessEntity();
		client.get().uri(elsewhere.restBaseUrl() + "/gateway").retrieve().toBodilessEntity();
		assertThat(discord.restCalls().get(0).header("Authorization")).contains("Bot " + TOKEN);
		assertThat(elsewhere.restCalls()).singleElement()
			.satisfies((call) -> assertThat(call.header("Authorization")).isEmpty());
	}

	@Test
	void everyResponseOfALimitedRouteCarriesTheBucketHeaders() {
		GatewaySimulator simulator = start(RestRateLimit.DISCORD);
		RestClient client = DiscordRestClients.create(RestClient.builder(), simulator.restBaseUrl().toString(), TOKEN);
		var response = client.get().uri("/gateway/bot").retrieve().toBodilessEntity();
		assertThat(response.getHeaders().getFirst("X-RateLimit-Bucket")).isNotBlank();
		assertThat(response.getHeaders().getFirst("X-RateLimit-Limit")).isEqualTo("5");
		assertThat(response.getHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("4");
		assertThat(Double.parseDouble(response.getHeaders().getFirst("X-RateLimit-Reset-After"))).isBetween(0.0, 5.0);
		assertThat(Instant.ofEpochSecond((long) Double.parseDouble(response.getHeaders().getFirst("X-RateLimit-Reset"))))
			.isAfter(Instant.now().minusSeconds(60));
	}

	private GatewaySimulator start(RestRateLimit limits) {
		GatewaySimulator simulator = GatewaySimulator
			.start(SimulatorOptions.builder().token(TOKEN).restRateLimit(limits).build());
		this.simulators.add(simulator);
		return simulator;
	}

}
