package io.github.discordgateway.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

import io.github.discordgateway.DiscordGatewayClient;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SessionStartLimit;
import io.github.discordgateway.simulator.SimulatorOptions;

/**
 * Measures the heap an idle, READY shard costs: many shards of the plain client (no Spring Boot) connect to the
 * simulator in this JVM with zlib-stream, and the used heap after a full GC is compared before and after. The
 * simulator's own per-connection state is counted too, so the figure is an upper bound. Run it by hand:
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.discordgateway.benchmarks.IdleShardFootprint 100}.
 */
public final class IdleShardFootprint {

	private IdleShardFootprint() {
	}

	public static void main(String[] args) throws InterruptedException {
		int shards = RunArguments.intAt(args, 0, 100);
		SimulatorOptions options = SimulatorOptions.builder()
			.recommendedShards(shards)
			.sessionStartLimit(new SessionStartLimit(1000, 1000, Duration.ofDays(1), shards))
			.build();
		try (GatewaySimulator simulator = GatewaySimulator.start(options);
				DiscordGatewayClient client = DiscordGatewayClient.builder()
					.token(simulator.options().token())
					.restBaseUrl(simulator.restBaseUrl().toString())
					.resumableShutdown(false)
					.shutdownTimeout(Duration.ofSeconds(5))
					.eventSink((event) -> {
					})
					.build()) {
			long before = usedHeapAfterGc();
			client.start();
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (!client.isReady() && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			if (!client.isReady()) {
				throw new IllegalStateException("Shards not ready in 2 minutes: " + client.statuses());
			}
			long after = usedHeapAfterGc();
			System.out.printf("%d READY shards: %.1f KB of heap each (client and simulator together)%n", shards,
					(after - before) / 1024.0 / shards);
		}
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
