package io.github.discordgateway.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SessionStartLimit;
import io.github.discordgateway.simulator.SimulatorOptions;

/**
 * The simulator that {@link ShardHeapBenchmark} and {@link ShardStartupBenchmark} start their bots against, in a
 * JVM of its own so that its heap, threads and CPU are not the bot's. Discord's defaults but for
 * {@code max_concurrency} (the first argument): the 5 s identify window per bucket is enforced, as are the REST
 * rate limits. Prints {@code REST <base url>} once listening on 127.0.0.1; stops when stdin ends, or after
 * {@link #LIFETIME} whatever happens.
 */
public final class ShardFleetSimulator {

	private static final Duration LIFETIME = Duration.ofMinutes(30);

	private ShardFleetSimulator() {
	}

	public static void main(String[] args) throws Exception {
		int maxConcurrency = Integer.parseInt(args[0]);
		SimulatorOptions options = SimulatorOptions.builder()
			.sessionStartLimit(new SessionStartLimit(1000, 1000, Duration.ofDays(1), maxConcurrency))
			.build();
		try (GatewaySimulator simulator = GatewaySimulator.start(options)) {
			System.out.println("REST " + simulator.restBaseUrl());
			System.out.flush();
			CompletableFuture<Void> stdinEnded = CompletableFuture.runAsync(ShardFleetSimulator::drainStdin);
			try {
				stdinEnded.get(LIFETIME.toSeconds(), TimeUnit.SECONDS);
			}
			catch (TimeoutException ex) {
				System.err.println("ShardFleetSimulator: stopping after " + LIFETIME);
			}
		}
		System.exit(0);
	}

	private static void drainStdin() {
		try (InputStream in = System.in) {
			while (in.read() >= 0) {
				// commands are not used: the simulator only serves until its driver goes away
			}
		}
		catch (IOException ex) {
			// the driver went away
		}
	}

}
