package io.github.discordgateway.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Retained heap per idle READY shard inside a Boot app: {@link ShardFleetApp} runs 1 shard, then (in a fresh JVM)
 * N shards, against a {@link ShardFleetSimulator} in a JVM of its own (so the simulator's heap is not counted);
 * once every shard is READY and the bot has idled {@link #IDLE}, the bot runs full GCs and reports its used heap,
 * RSS and threads. Per shard: (median at N - median at 1) / (N - 1). Rounds alternate which count runs first.
 * <p>
 * Run by hand: {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
 * io.github.discordgateway.benchmarks.ShardHeapBenchmark [rounds = 3] [shards = 100] [max_concurrency = 16]};
 * {@code -Dbench.histograms=<dir>} also saves each bot's live-object histogram ({@code jcmd GC.class_histogram})
 * there, to see which objects the shards retain.
 */
public final class ShardHeapBenchmark {

	/** Idle time after the last READY before measuring: lets start-up's garbage and pending callbacks settle. */
	private static final Duration IDLE = Duration.ofSeconds(5);

	private static final PrintStream out = System.out;

	private ShardHeapBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = RunArguments.intAt(args, 0, 3);
		int shards = RunArguments.intAt(args, 1, 100);
		int maxConcurrency = RunArguments.intAt(args, 2, 16);
		out.printf("%s; %d rounds of 1 and %d shards, max_concurrency %d%n",
				RunArguments.jvm(), rounds, shards, maxConcurrency);
		List<Footprint> one = new ArrayList<>();
		List<Footprint> many = new ArrayList<>();
		try (ShardFleet.Simulator simulator = ShardFleet.startSimulator(maxConcurrency)) {
			for (int round = 1; round <= rounds; round++) {
				int[] order = (round % 2 == 1) ? new int[] { 1, shards } : new int[] { shards, 1 };
				for (int count : order) {
					Footprint footprint = measure(simulator, count);
					out.printf("round %d %s%n", round, footprint);
					((count == 1) ? one : many).add(footprint);
					Thread.sleep(ShardFleet.BETWEEN_BOTS.toMillis());
				}
			}
		}
		out.println();
		out.printf("medians: 1 shard %s; %d shards %s%n", medianLine(one), shards, medianLine(many));
		out.printf("per shard: heap %.1f KB, RSS %.1f KB, Java threads %.2f, OS threads %.2f%n",
				perShard(one, many, shards, Footprint::heapBytes) / 1024,
				perShard(one, many, shards, Footprint::rssKilobytes),
				perShard(one, many, shards, Footprint::javaThreads), perShard(one, many, shards, Footprint::osThreads));
		out.println("threads at " + shards + " shards (last run): " + many.get(many.size() - 1).threadGroups());
	}

	private static Footprint measure(ShardFleet.Simulator simulator, int shards) throws Exception {
		ProcessLink bot = ShardFleet.startBot(simulator, shards);
		try {
			long[] ready = ShardFleet.awaitAllReady(bot);
			Thread.sleep(IDLE.toMillis());
			bot.send("MEASURE");
			String[] heap = bot.expect("HEAP").split(" ");
			String groups = bot.expect("GROUPS");
			saveHistogram(bot, shards);
			return new Footprint((int) ready[0], ready[1] / 1e6, Long.parseLong(heap[0]), Long.parseLong(heap[2]),
					Integer.parseInt(heap[4]), Integer.parseInt(heap[5]), groups);
		}
		finally {
			bot.stop();
		}
	}

	private static void saveHistogram(ProcessLink bot, int shards) throws IOException, InterruptedException {
		String directory = System.getProperty("bench.histograms");
		if (directory == null) {
			return;
		}
		Path file = Path.of(directory, "histogram-" + shards + "-shards-" + bot.pid() + ".txt");
		Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				String.valueOf(bot.pid()), "GC.class_histogram")
			.redirectOutput(file.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		if (!jcmd.waitFor(1, TimeUnit.MINUTES)) {
			jcmd.destroyForcibly();
		}
	}

	private static double perShard(List<Footprint> one, List<Footprint> many, int shards,
			ToDoubleFunction<Footprint> figure) {
		return (median(many, figure) - median(one, figure)) / (shards - 1);
	}

	private static double median(List<Footprint> runs, ToDoubleFunction<Footprint> figure) {
		return ShardFleet.median(runs.stream().mapToDouble(figure).toArray());
	}

	private static String medianLine(List<Footprint> runs) {
		return String.format("heap %.2f MB, RSS %.0f MB, threads %.0f Java / %.0f OS",
				median(runs, Footprint::heapBytes) / 1024 / 1024, median(runs, Footprint::rssKilobytes) / 1024,
				median(runs, Footprint::javaThreads), median(runs, Footprint::osThreads));
	}

	/** One bot's figures once all its shards were READY and it had idled. */
	record Footprint(int shards, double readyMillis, long heapBytes, long rssKilobytes, int javaThreads,
			int osThreads, String threadGroups) {

		@Override
		public String toString() {
			return String.format("%3d shards: all READY %,8.0f ms after client start; heap %8.2f MB RSS %5d MB"
					+ " threads %3d Java %3d OS", this.shards, this.readyMillis, this.heapBytes / 1024.0 / 1024,
					this.rssKilobytes / 1024, this.javaThreads, this.osThreads);
		}

	}

}
