package io.github.discordgateway.it;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.discordgateway.actuate.DiscordGatewayEndpoint;
import io.github.discordgateway.actuate.DiscordGatewayEndpoint.GatewayDescriptor;
import io.github.discordgateway.actuate.DiscordGatewayEndpoint.ReconnectDescriptor;
import io.github.discordgateway.actuate.DiscordGatewayEndpoint.ShardDescriptor;
import io.github.discordgateway.autoconfigure.actuate.DiscordGatewayEndpointAutoConfiguration;
import io.github.discordgateway.session.ShardState;
import io.github.discordgateway.simulator.GatewayPort;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/discordgateway} against the simulator: what it reads, and its reconnects.
 */
class DiscordGatewayEndpointIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final GatewaySimulator simulator = GatewaySimulator
		.start(SimulatorOptions.builder().heartbeatInterval(Duration.ofSeconds(1)).build());

	@AfterEach
	void stopSimulator() {
		this.simulator.close();
	}

	private ApplicationContextRunner bot() {
		return BotRunner.against(this.simulator, "management.endpoints.web.exposure.include=discordgateway")
			.withConfiguration(AutoConfigurations.of(DiscordGatewayEndpointAutoConfiguration.class));
	}

	@Test
	void theEndpointIsThereOnlyWhenExposed() {
		BotRunner.against(this.simulator)
			.withConfiguration(AutoConfigurations.of(DiscordGatewayEndpointAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DiscordGatewayEndpoint.class));
		bot().run((context) -> assertThat(context).hasSingleBean(DiscordGatewayEndpoint.class));
	}

	@Test
	void readShowsEveryShardWithItsStateAndFiguresButNeverTheToken() {
		bot().run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			DiscordGatewayEndpoint endpoint = context.getBean(DiscordGatewayEndpoint.class);
			await().atMost(TIMEOUT).until(() -> endpoint.gateway().shards().get(0).health().latencyMillis() != null);
			GatewayDescriptor gateway = endpoint.gateway();
			assertThat(gateway.bootstrapProblem()).isNull();
			assertThat(gateway.shardCount()).isEqualTo(1);
			assertThat(gateway.sessionStartLimit().remaining())
				.isEqualTo(this.simulator.options().sessionStartLimit().remaining());
			ShardDescriptor shard = gateway.shards().get(0);
			assertThat(shard.health().state()).isEqualTo(ShardState.READY);
			assertThat(shard.health().healthy()).isTrue();
			assertThat(shard.health().sessionId()).startsWith(session.sessionId().substring(0, 6));
			assertThat(shard.lastSequence()).isPositive();
			assertThat(gateway.toString()).doesNotContain(this.simulator.options().token())
				.doesNotContain(session.sessionId());
			assertThat(endpoint.shard(0)).isNotNull();
			assertThat(endpoint.shard(7)).isNull();
		});
	}

	@Test
	void writeResumeReconnectsTheShardAndResumesItsSession() {
		bot().run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			DiscordGatewayEndpoint endpoint = context.getBean(DiscordGatewayEndpoint.class);
			await().atMost(TIMEOUT).until(() -> endpoint.shard(0).health().healthy());
			assertThat(endpoint.reconnect(0, "resume")).isEqualTo(new ReconnectDescriptor(0, "resume", true));
			await().atMost(TIMEOUT).until(() -> session.resumes() == 1);
			assertThat(this.simulator.connections()).hasSize(2);
			assertThat(this.simulator.connections().get(1).port()).isEqualTo(GatewayPort.RESUME);
			assertThat(this.simulator.sessions()).hasSize(1);
			await().atMost(TIMEOUT).until(() -> endpoint.shard(0).health().healthy());
		});
	}

	@Test
	void writeIdentifyEndsTheSessionAndStartsANewOne() {
		bot().run((context) -> {
			SimulatedSession first = this.simulator.awaitReady(TIMEOUT);
			DiscordGatewayEndpoint endpoint = context.getBean(DiscordGatewayEndpoint.class);
			await().atMost(TIMEOUT).until(() -> endpoint.shard(0).health().healthy());
			assertThat(endpoint.reconnect(0, "identify").reconnecting()).isTrue();
			await().atMost(TIMEOUT).until(() -> this.simulator.sessions().size() == 2);
			await().atMost(TIMEOUT).until(() -> this.simulator.connections().get(0).clientCloseCode().orElse(0) == 1000);
			assertThat(first.resumes()).isZero();
			await().atMost(TIMEOUT).until(() -> endpoint.shard(0).health().healthy());
			assertThat(endpoint.shard(0).health().sessionId())
				.startsWith(this.simulator.sessions().get(1).sessionId().substring(0, 6));
		});
	}

	@Test
	void writeRefusesAnUnknownActionAndAnswersNothingForAShardThisProcessDoesNotRun() {
		bot().run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			DiscordGatewayEndpoint endpoint = context.getBean(DiscordGatewayEndpoint.class);
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> endpoint.reconnect(0, "restart"));
			assertThat(endpoint.reconnect(3, "resume")).isNull();
			assertThat(this.simulator.connections()).hasSize(1);
		});
	}

}
