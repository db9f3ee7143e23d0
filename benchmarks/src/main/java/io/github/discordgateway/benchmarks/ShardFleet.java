package io.github.discordgateway.benchmarks;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.discordgateway.simulator.SimulatorOptions;

/**
 * Starts the JVMs {@link ShardHeapBenchmark} and {@link ShardStartupBenchmark} drive: a {@link ShardFleetSimulator}
 * and, against it, {@link ShardFleetApp} bots, each in a JVM of its own with default settings, from this JVM's
 * class path.
 */
final class ShardFleet {

	/**
	 * Waited between two bots: more than the simulator's identify window (5 s), so the next bot's first Identify
	 * in each bucket is not refused for the last one's.
	 */
	static final Duration BETWEEN_BOTS = Duration.ofSeconds(6);

	private ShardFleet() {
	}

	/** A simulator with this {@code max_concurrency}; returns it once it listens. */
	static Simulator startSimulator(int maxConcurrency) throws IOException, InterruptedException {
		ProcessLink link = ProcessLink.start(List.of(ProcessLink.javaCommand(), "-cp", classPath(),
				ShardFleetSimulator.class.getName(), String.valueOf(maxConcurrency)));
		return new Simulator(link, link.expect("REST"));
	}

	/** A bot running {@code shards} shards against the simulator; the token goes through the environment. */
	static ProcessLink startBot(Simulator simulator, int shards) throws IOException {
		return ProcessLink.start(List.of(ProcessLink.javaCommand(), "-cp", classPath(), ShardFleetApp.class.getName(),
				"--spring.main.banner-mode=off", "--spring.main.keep-alive=true", "--logging.level.root=WARN",
				"--discord.rest.base-url=" + simulator.restBaseUrl(), "--discord.gateway.shard-count=" + shards),
				Map.of("DISCORD_TOKEN", SimulatorOptions.defaults().token()));
	}

	/** The answer to {@code ALLREADY}: shards, ns from the client's start to all READY and to the first, ms from JVM start. */
	static long[] awaitAllReady(ProcessLink bot) throws InterruptedException {
		return Arrays.stream(bot.expect("ALLREADY").split(" ")).mapToLong(Long::parseLong).toArray();
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static String classPath() {
		return System.getProperty("java.class.path");
	}

	/** The simulator's JVM and its REST base URL. */
	record Simulator(ProcessLink link, String restBaseUrl) implements AutoCloseable {

		@Override
		public void close() throws InterruptedException {
			this.link.stop();
		}

	}

}
