package io.github.discordgateway.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import io.github.discordgateway.autoconfigure.DiscordShardsReadyEvent;
import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.session.ShardStatus;

/**
 * The bot {@link ShardHeapBenchmark} and {@link ShardStartupBenchmark} run: a Spring Boot application on the
 * starter (auto-configuration, Micrometer through the actuator starter, no web server), as the sample app is
 * built, with no listener but the two that time its start-up. The shard count and the simulator come from its
 * properties; {@link FleetProbe} reports to the driver over stdout and takes its commands on stdin.
 * <p>
 * Its beans are imported, not scanned, so that it and {@link SpringPathApp} (which scans this package) do not pick
 * up each other's.
 */
@EnableAutoConfiguration
@Import({ ShardFleetApp.ClientStartMark.class, ShardFleetApp.ReadyTimes.class })
public class ShardFleetApp {

	public static void main(String[] args) {
		FleetProbe.listen();
		SpringApplication.run(ShardFleetApp.class, args);
	}

	/**
	 * Notes when the client starts: the gateway client's lifecycle has the default phase (the last), so this one,
	 * a phase before, starts just before it on the same thread.
	 */
	static class ClientStartMark implements SmartLifecycle {

		private volatile boolean running;

		@Override
		public void start() {
			FleetProbe.clientStarting();
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return DEFAULT_PHASE - 1;
		}

	}

	/** When the first shard, then every shard, is READY, as the client's status callbacks tell it. */
	static class ReadyTimes implements GatewayObserver {

		private final AtomicLong firstShardReady = new AtomicLong();

		@Override
		public void statusChanged(ShardStatus status) {
			if (status.isReady()) {
				this.firstShardReady.compareAndSet(0, System.nanoTime());
			}
		}

		@EventListener
		void on(DiscordShardsReadyEvent event) {
			// With one shard this observer may be called after the event's publisher: then now is the first READY.
			this.firstShardReady.compareAndSet(0, System.nanoTime());
			FleetProbe.allReady(event.getShardIds().size(), this.firstShardReady.get());
		}

	}

}
