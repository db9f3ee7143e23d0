package io.github.discordgateway.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.websocket.ContainerProvider;

import org.springframework.web.client.RestClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import io.github.discordgateway.event.TypedDispatchEventFactory;
import io.github.discordgateway.protocol.ConnectionProperties;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.Intent;
import io.github.discordgateway.rest.DiscordRestClients;
import io.github.discordgateway.rest.GatewayBotClient;
import io.github.discordgateway.session.Backoff;
import io.github.discordgateway.session.CallbackExecutor;
import io.github.discordgateway.session.ExecutorScheduler;
import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.session.InMemorySessionStore;
import io.github.discordgateway.session.Shard;
import io.github.discordgateway.session.ShardSettings;
import io.github.discordgateway.sharding.LocalIdentifyQueue;
import io.github.discordgateway.sharding.ShardManager;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SessionStartLimit;
import io.github.discordgateway.simulator.SimulatorOptions;
import io.github.discordgateway.transport.WebSocketGatewayTransport;
import io.github.discordgateway.transport.compression.TransportCompression;

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
		int shards = (args.length > 0) ? Integer.parseInt(args[0]) : 100;
		SimulatorOptions options = SimulatorOptions.builder()
			.recommendedShards(shards)
			.sessionStartLimit(new SessionStartLimit(1000, 1000, Duration.ofDays(1), shards))
			.build();
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
		try (GatewaySimulator simulator = GatewaySimulator.start(options)) {
			ShardManager manager = shardManager(simulator, executor);
			long before = usedHeapAfterGc();
			manager.start();
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (!manager.isReady() && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			if (!manager.isReady()) {
				throw new IllegalStateException("Shards not ready in 2 minutes: " + manager.statuses());
			}
			long after = usedHeapAfterGc();
			System.out.printf("%d READY shards: %.1f KB of heap each (client and simulator together)%n", shards,
					(after - before) / 1024.0 / shards);
			manager.stop(Duration.ofSeconds(5));
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static ShardManager shardManager(GatewaySimulator simulator, ScheduledExecutorService executor) {
		GatewayJson json = new GatewayJson();
		ExecutorScheduler scheduler = new ExecutorScheduler(executor);
		StandardWebSocketClient webSocketClient = new StandardWebSocketClient(ContainerProvider.getWebSocketContainer());
		WebSocketGatewayTransport transport = new WebSocketGatewayTransport(webSocketClient, 64 * 1024 * 1024,
				TransportCompression.ZLIB_STREAM);
		ShardSettings template = new ShardSettings(0, 1, simulator.options().token(),
				Intent.bitfield(Intent.nonPrivileged()), 50, ConnectionProperties.ofThisLibrary(), null,
				TransportCompression.ZLIB_STREAM.queryValue(),
				new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> ThreadLocalRandom.current().nextDouble()),
				Duration.ofSeconds(1), Duration.ofSeconds(5), 3, 10_000);
		RestClient restClient = DiscordRestClients.create(RestClient.builder(), simulator.restBaseUrl().toString(),
				simulator.options().token());
		TypedDispatchEventFactory events = new TypedDispatchEventFactory(json);
		return new ShardManager(new ShardManager.Settings(null, null, List.of(), false), template, scheduler,
				(gatewayUrl, identifyQueue) -> new Shard.Collaborators(transport, scheduler, json, identifyQueue,
						new InMemorySessionStore(), GatewayObserver.NONE, new CallbackExecutor("bench-callbacks"),
						gatewayUrl, events, () -> ThreadLocalRandom.current().nextDouble()),
				new GatewayBotClient(restClient, json), (limit) -> new LocalIdentifyQueue(limit, scheduler),
				(event) -> {
				});
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
