package io.github.discordgateway.it;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The readiness probe as the README sets it up: Boot's readiness group with the {@code discordGateway} indicator
 * is ready only while every local shard is; liveness leaves it out, so an outage at Discord never restarts the
 * bot.
 */
class ReadinessGroupIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final GatewaySimulator simulator = GatewaySimulator
		.start(SimulatorOptions.builder().heartbeatInterval(Duration.ofSeconds(1)).build());

	@AfterEach
	void stopSimulator() {
		this.simulator.close();
	}

	@Test
	void readinessFollowsTheShardsWhileLivenessStaysUp() {
		ApplicationContextRunner bot = BotRunner.against(this.simulator, "management.endpoint.health.probes.enabled=true",
				"management.endpoint.health.group.readiness.include=readinessState,discordGateway")
			.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
					EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
					AvailabilityProbesAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class));
		bot.run((context) -> {
			// What SpringApplication publishes once the application runs.
			AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			HealthEndpoint health = context.getBean(HealthEndpoint.class);
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			await().atMost(TIMEOUT).until(() -> health.healthForPath("readiness").getStatus().equals(Status.UP));
			session.close(4014, "Disallowed intent(s).");
			await().atMost(TIMEOUT).until(() -> health.healthForPath("readiness").getStatus().equals(Status.DOWN));
			assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
		});
	}

}
