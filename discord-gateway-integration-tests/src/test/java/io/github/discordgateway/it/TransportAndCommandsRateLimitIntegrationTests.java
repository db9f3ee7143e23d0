package io.github.discordgateway.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import io.github.discordgateway.command.DiscordGateway;
import io.github.discordgateway.command.RequestChannelInfo;
import io.github.discordgateway.simulator.ClientFrame;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SimulatorOptions;
import io.github.discordgateway.transport.ratelimit.GatewayRateLimiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #4: a burst of commands on the real wire. The simulator closes with 4008 past 120 payloads in 60 s, as
 * Discord does. The full burst needs minutes to drain at 2 per second; that drain is proved with a manual clock in
 * {@code ShardTests}. Here: the first window's worth goes out, the rest waits, nothing is closed, and heartbeats
 * keep coming meanwhile.
 */
class TransportAndCommandsRateLimitIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(2);

	private static final int BURST = 500;

	private static final int OP_CHANNEL_INFO = 43;

	@Test
	void aBurstOfCommandsNeverGetsClosedWith4008AndHeartbeatsKeepTheirSchedule() {
		int firstWindow = GatewayRateLimiter.PAYLOADS_PER_WINDOW - heartbeatReserve() - 1; // Identify took one slot
		try (GatewaySimulator simulator = GatewaySimulator
			.start(SimulatorOptions.builder().heartbeatInterval(HEARTBEAT_INTERVAL).build())) {
			BotRunner.against(simulator).run((context) -> {
				simulator.awaitReady(TIMEOUT);
				String guildId = simulator.options().guilds().get(0).id();
				DiscordGateway gateway = context.getBean(DiscordGateway.class);
				long burstStart = System.nanoTime();
				List<CompletableFuture<Void>> sends = new ArrayList<>();
				for (int i = 0; i < BURST; i++) {
					sends.add(gateway.requestChannelInfo(RequestChannelInfo.allFields(guildId)));
				}
				await().atMost(TIMEOUT).until(() -> simulator.framesReceived(OP_CHANNEL_INFO).size() >= firstWindow);
				// The rest waits: nothing more goes out while three more heartbeats do.
				await().atMost(TIMEOUT.multipliedBy(2))
					.untilAsserted(() -> {
						assertThat(simulator.framesReceived(OP_CHANNEL_INFO)).hasSize(firstWindow);
						assertThat(heartbeatsSince(simulator, burstStart)).hasSizeGreaterThanOrEqualTo(3);
					});
				assertThat(simulator.framesReceived(OP_CHANNEL_INFO)).hasSize(firstWindow);
				assertThat(sends.stream().filter(CompletableFuture::isDone).count()).isEqualTo(firstWindow);
				assertThat(simulator.connections()).singleElement().satisfies((connection) -> {
					assertThat(connection.serverCloseCode()).as("closed by the simulator (4008?)").isEmpty();
					assertThat(connection.isOpen()).isTrue();
				});
				// The gaps between beats are not measured here: where they arrive, a stall of the loaded machine can
				// shift them. ShardTests times them exactly on a manual clock under the same burst.
				Timer waited = context.getBean(MeterRegistry.class).get("discord.gateway.commands.wait")
					.tag("shard", "0").tag("op", "request_channel_info").timer();
				assertThat(waited.count()).isEqualTo(firstWindow);
				assertThat(waited.totalTime(TimeUnit.NANOSECONDS)).isPositive();
			});
		}
	}

	private static int heartbeatReserve() {
		GatewayRateLimiter limiter = new GatewayRateLimiter();
		limiter.setHeartbeatInterval(HEARTBEAT_INTERVAL);
		return limiter.heartbeatReserve();
	}

	private static List<ClientFrame> heartbeatsSince(GatewaySimulator simulator, long nanos) {
		return simulator.framesReceived(1).stream().filter((frame) -> frame.receivedNanos() >= nanos).toList();
	}

}
