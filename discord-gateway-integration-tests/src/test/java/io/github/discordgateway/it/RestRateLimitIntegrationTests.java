package io.github.discordgateway.it;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.RestCall;
import io.github.discordgateway.simulator.RestRateLimit;
import io.github.discordgateway.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured RestClient within the simulator's rate limits, and its meters.
 */
class RestRateLimitIntegrationTests {

	private static final String ROUTE = "POST /channels/{channel_id}/messages";

	private final GatewaySimulator simulator = GatewaySimulator
		.start(SimulatorOptions.builder().restRateLimit(RestRateLimit.of(2, Duration.ofSeconds(2), 50)).build());

	@AfterEach
	void stopSimulator() {
		this.simulator.close();
	}

	@Test
	void messagesBeyondTheBucketWaitAndAreMeteredByRouteStatusAndWait() {
		BotRunner.against(this.simulator, "discord.gateway.auto-startup=false").run((context) -> {
			RestClient rest = context.getBean("discordRestClient", RestClient.class);
			String channel = this.simulator.options().guilds().get(0).textChannelId();
			// Two fit in the bucket's window; the third waits for the next (a window long enough that a slow
			// machine does not see it refill on its own).
			for (int i = 0; i < 3; i++) {
				rest.post()
					.uri("/channels/{id}/messages", channel)
					.body(Map.of("content", "m" + i))
					.retrieve()
					.toBodilessEntity();
			}
			assertThat(this.simulator.restCalls()).extracting(RestCall::status).containsOnly(200).hasSize(3);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("discord.rest.requests").tags("route", ROUTE, "status", "200").counter().count())
				.isEqualTo(3);
			assertThat(registry.get("discord.rest.rate.limit.wait").tags("route", ROUTE).timer().count()).isEqualTo(1);
		});
	}

	@Test
	void a429IsRetriedAndCountedByScope() {
		BotRunner.against(this.simulator, "discord.gateway.auto-startup=false").run((context) -> {
			RestClient rest = context.getBean("discordRestClient", RestClient.class);
			this.simulator.rateLimitNextRestRequest(Duration.ofMillis(100), "global");
			rest.get().uri("/gateway/bot").retrieve().toBodilessEntity();
			assertThat(this.simulator.restCalls()).extracting(RestCall::status).containsExactly(429, 200);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("discord.rest.rate.limited")
				.tags("route", "GET /gateway/bot", "scope", "global")
				.counter()
				.count()).isEqualTo(1);
			assertThat(registry.get("discord.rest.requests").tags("status", "429").counter().count()).isEqualTo(1);
		});
	}

}
