package io.github.discordgateway.benchmarks;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Start-up of a sharded bot: {@link ShardFleetApp} with N shards, each run in a fresh JVM, against one
 * {@link ShardFleetSimulator} (its own JVM, kept across runs as Discord is; a first run warms it and is not
 * counted). Measured: from the client's start (the gateway client's lifecycle starting, after the application
 * context is built) to every shard READY, and from JVM start. The protocol's own waits are the identify windows:
 * with {@code max_concurrency} M, shard k identifies in bucket k % M, one Identify per bucket per 5 s, so the
 * last round starts ({@code ceil(N / M) - 1}) x 5 s after the first; with N = M that is none. The figure is the
 * median less those waits.
 * <p>
 * Run by hand: {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
 * io.github.discordgateway.benchmarks.ShardStartupBenchmark [runs = 7] [shards = 16] [max_concurrency = 16]}.
 */
public final class ShardStartupBenchmark {

	/** Discord's identify window per bucket. */
	private static final Duration IDENTIFY_WINDOW = Duration.ofSeconds(5);

	private static final PrintStream out = System.out;

	private ShardStartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = RunArguments.intAt(args, 0, 7);
		int shards = RunArguments.intAt(args, 1, 16);
		int maxConcurrency = RunArguments.intAt(args, 2, 16);
		long protocolWaitMillis = ((shards + maxConcurrency - 1) / maxConcurrency - 1) * IDENTIFY_WINDOW.toMillis();
		out.printf("%s; %d runs of %d shards, max_concurrency %d: protocol waits %d ms%n",
				RunArguments.jvm(), runs, shards, maxConcurrency, protocolWaitMillis);
		double[] allReady = new double[runs];
		double[] firstReady = new double[runs];
		double[] fromJvmStart = new double[runs];
		try (ShardFleet.Simulator simulator = ShardFleet.startSimulator(maxConcurrency)) {
			for (int run = 0; run <= runs; run++) {
				long[] ready = startOnce(simulator, shards);
				String label = (run == 0) ? "warm-up" : "run " + run;
				out.printf("%-8s all %d READY %,7.0f ms after client start (first %,7.0f ms), %,7d ms after JVM start%n",
						label, ready[0], ready[1] / 1e6, ready[2] / 1e6, ready[3]);
				if (run > 0) {
					allReady[run - 1] = ready[1] / 1e6;
					firstReady[run - 1] = ready[2] / 1e6;
					fromJvmStart[run - 1] = ready[3];
				}
				Thread.sleep(ShardFleet.BETWEEN_BOTS.toMillis());
			}
		}
		double median = ShardFleet.median(allReady);
		out.println();
		out.printf("median of %d runs: all READY %,.0f ms after client start (first shard %,.0f ms), %,.0f ms after"
				+ " JVM start; less the protocol's waits (%d ms): %,.0f ms%n", runs, median,
				ShardFleet.median(firstReady), ShardFleet.median(fromJvmStart), protocolWaitMillis,
				median - protocolWaitMillis);
	}

	private static long[] startOnce(ShardFleet.Simulator simulator, int shards) throws Exception {
		ProcessLink bot = ShardFleet.startBot(simulator, shards);
		try {
			return ShardFleet.awaitAllReady(bot);
		}
		finally {
			bot.stop();
		}
	}

}
