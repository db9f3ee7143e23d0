package io.github.discordgateway.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import tools.jackson.databind.json.JsonMapper;

/**
 * The whole Spring path, side by side with JDA: each contender is a bot in its own JVM, flooded over 127.0.0.1 by
 * an {@link IngestionLoadServer} (in a JVM of its own) with realistic MESSAGE_CREATEs, uncompressed and as a
 * zlib-stream. Contenders: {@link SpringPathApp} with a listener that reads content and author ({@code ours}),
 * the same app with a generic {@code DispatchEvent} listener that decodes nothing ({@code ours-generic}), and
 * {@link JdaPeerApp} ({@code jda}). Per run: a fresh server and bot, a warm-up flood, then the measured flood.
 * Rounds interleave the contenders; the summary gives medians and our ratios to JDA.
 * <p>
 * Measured per flood: events/s from the go signal (the first frame) to the listener's last call; the CPU of the
 * bot's whole process per event (every thread, GC and JIT included); bytes allocated per event; RSS of the bot
 * once READY (idle) and after the flood. The bound, in this JVM on one thread: inflate (zlib-stream only) plus a
 * Jackson tree parse of each message.
 * <p>
 * Run by hand: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.discordgateway.benchmarks.SpringPathBenchmark [rounds = 3] [flood = 200000] [warm-up = 20000]}; the
 * system property {@code bench.childJvmArgs} adds JVM options to the bots (e.g. a JFR recording, {@code {name}}
 * standing for the run's contender and compression); {@code bench.contenders} and {@code bench.compressions}
 * (comma-separated) run a subset.
 */
public final class SpringPathBenchmark {

	private static final String KIND = MessageCreatePayloads.REALISTIC;

	private static final List<String> CONTENDERS = List
		.of(System.getProperty("bench.contenders", "ours,ours-generic,jda").split(","));

	private static final List<String> COMPRESSIONS = List
		.of(System.getProperty("bench.compressions", "plain,zlib").split(","));

	private static final PrintStream out = System.out;

	private SpringPathBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = RunArguments.intAt(args, 0, 3);
		int flood = RunArguments.intAt(args, 1, 200_000);
		int warmup = RunArguments.intAt(args, 2, 20_000);
		out.printf("%s; %d rounds, %,d %s MESSAGE_CREATEs per flood after %,d%n",
				RunArguments.jvm(), rounds, flood, KIND, warmup);
		Map<String, List<Result>> results = new LinkedHashMap<>();
		for (int round = 1; round <= rounds; round++) {
			for (String compression : COMPRESSIONS) {
				Result bound = bound(compression, 20_000, 5);
				out.printf("round %d %-5s %-13s %s%n", round, compression, "bound", bound);
				results.computeIfAbsent("bound " + compression, (key) -> new ArrayList<>()).add(bound);
				// Each round starts with a different contender, so none always runs first.
				for (int i = 0; i < CONTENDERS.size(); i++) {
					String contender = CONTENDERS.get((i + round - 1) % CONTENDERS.size());
					Result result = run(contender, compression, flood, warmup);
					out.printf("round %d %-5s %-13s %s%n", round, compression, contender, result);
					results.computeIfAbsent(contender + " " + compression, (key) -> new ArrayList<>()).add(result);
				}
			}
		}
		summarize(results);
	}

	private static void summarize(Map<String, List<Result>> results) {
		out.println();
		out.println("| contender | compression | events/s | CPU µs/event | allocated B/event | RSS idle MB | RSS after MB |");
		out.println("|---|---|---:|---:|---:|---:|---:|");
		Map<String, Result> medians = new LinkedHashMap<>();
		results.forEach((key, list) -> {
			Result median = Result.median(list);
			medians.put(key, median);
			String[] parts = key.split(" ");
			out.printf("| %s | %s | %,.0f | %.1f | %,d | %s | %s |%n", parts[0], parts[1], median.rate, median.cpuMicros,
					median.allocated, (median.rssIdle > 0) ? median.rssIdle : "-",
					(median.rssAfter > 0) ? median.rssAfter : "-");
		});
		out.println();
		out.println("| compression | ours / JDA events/s | ours / JDA CPU per event | ours-generic / bound events/s |"
				+ " ours RSS after / JDA's |");
		out.println("|---|---:|---:|---:|---:|");
		for (String compression : COMPRESSIONS) {
			if (!CONTENDERS.containsAll(List.of("ours", "ours-generic", "jda"))) {
				break;
			}
			Result ours = medians.get("ours " + compression);
			Result generic = medians.get("ours-generic " + compression);
			Result jda = medians.get("jda " + compression);
			Result bound = medians.get("bound " + compression);
			out.printf("| %s | %.2f | %.2f | %.2f | %.2f |%n", compression, ours.rate / jda.rate,
					ours.cpuMicros / jda.cpuMicros, generic.rate / bound.rate, (double) ours.rssAfter / jda.rssAfter);
		}
	}

	/** One bot against one fresh load server: warm-up, then the measured flood. */
	private static Result run(String contender, String compression, int flood, int warmup) throws Exception {
		ProcessLink server = ProcessLink.start(List.of(ProcessLink.javaCommand(), "-Xmx2g", "-cp", classPath(),
				IngestionLoadServer.class.getName(), KIND));
		ProcessLink bot = null;
		try {
			String port = server.expect("PORT");
			List<String> command = new ArrayList<>(List.of(ProcessLink.javaCommand()));
			String extra = System.getProperty("bench.childJvmArgs", "").replace("{name}", contender + "-" + compression);
			if (!extra.isBlank()) {
				command.addAll(Arrays.asList(extra.strip().split("\\s+")));
			}
			command.addAll(List.of("-cp", classPath()));
			if (contender.equals("jda")) {
				command.addAll(List.of(JdaPeerApp.class.getName(), port, compression));
			}
			else {
				command.addAll(List.of(SpringPathApp.class.getName(), "--spring.main.banner-mode=off", "--spring.main.keep-alive=true",
						"--logging.level.root=WARN", "--discord.token=bench-token",
						"--discord.rest.base-url=http://127.0.0.1:" + port + "/api/v10",
						"--discord.gateway.url=ws://127.0.0.1:" + port,
						"--discord.gateway.compression=" + (compression.equals("zlib") ? "zlib-stream" : "none"),
						"--discord.gateway.intents=GUILDS,GUILD_MESSAGES,MESSAGE_CONTENT",
						"--bench.listener=" + (contender.equals("ours") ? "message" : "generic")));
			}
			bot = ProcessLink.start(command);
			bot.expect("READY");
			Thread.sleep(2_000);
			long rssIdle = bot.rssMegabytes();
			flood(server, bot, warmup);
			long[] measured = flood(server, bot, flood);
			long rssAfter = bot.rssMegabytes();
			return new Result(flood / (measured[0] / 1e9), measured[1] / 1e3 / flood, measured[2] / flood, rssIdle,
					rssAfter);
		}
		finally {
			if (bot != null) {
				bot.stop();
			}
			server.send("QUIT");
			server.stop();
		}
	}

	/** Returns {ns from go to the last listener call, process CPU ns, bytes allocated}. */
	private static long[] flood(ProcessLink server, ProcessLink bot, int count) throws Exception {
		server.send("PREPARE " + count);
		server.expect("PREPARED");
		bot.send("ARM " + count);
		bot.expect("ARMED");
		long start = System.nanoTime();
		server.send("GO");
		String threads = bot.expect("THREADS");
		String[] done = bot.expect("DONE").split(" ");
		long elapsed = System.nanoTime() - start;
		server.expect("SENT");
		StringBuilder split = new StringBuilder("    CPU µs/event by thread:");
		for (String group : threads.split(" ")) {
			String[] nameAndNanos = group.split("=");
			split.append(String.format(" %s %.2f;", nameAndNanos[0], Long.parseLong(nameAndNanos[1]) / 1e3 / count));
		}
		out.println(split);
		return new long[] { elapsed, Long.parseLong(done[0]), Long.parseLong(done[1]) };
	}

	/**
	 * The bound: what one thread of this JVM does with the same messages if it only inflates them (zlib) and
	 * parses each into a Jackson tree. Best of {@code passes} passes over {@code count} messages.
	 */
	private static Result bound(String compression, int count, int passes) throws DataFormatException {
		byte[][] payloads = new byte[count][];
		for (int i = 0; i < count; i++) {
			payloads[i] = MessageCreatePayloads.dispatch(KIND, 5_000_000 + i, 1 + i);
		}
		byte[][] frames = compression.equals("zlib") ? MessageCreatePayloads.zlibStream(payloads) : payloads;
		JsonMapper mapper = JsonMapper.builder().build();
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		Result best = null;
		long sink = 0;
		for (int pass = 0; pass < passes + 3; pass++) {
			long cpu = threads.getCurrentThreadCpuTime();
			long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
			long start = System.nanoTime();
			Inflater inflater = new Inflater();
			byte[] buffer = new byte[64 * 1024];
			for (byte[] frame : frames) {
				if (compression.equals("zlib")) {
					inflater.setInput(frame);
					int length = inflater.inflate(buffer);
					sink += mapper.readTree(buffer, 0, length).size();
				}
				else {
					sink += mapper.readTree(frame).size();
				}
			}
			inflater.end();
			long elapsed = System.nanoTime() - start;
			Result result = new Result(count / (elapsed / 1e9), (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / count,
					(threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocated) / count, 0, 0);
			if (pass >= 3 && (best == null || result.rate > best.rate)) {
				best = result;
			}
		}
		FloodProbe.sink += sink;
		return best;
	}

	private static String classPath() {
		return System.getProperty("java.class.path");
	}

	/** The figures of one flood (or of the bound: no RSS). */
	record Result(double rate, double cpuMicros, long allocated, long rssIdle, long rssAfter) {

		/** Each figure's median over the runs (separately, so a median row may mix runs). */
		static Result median(List<Result> results) {
			return new Result(median(results.stream().mapToDouble(Result::rate).toArray()),
					median(results.stream().mapToDouble(Result::cpuMicros).toArray()),
					(long) median(results.stream().mapToDouble(Result::allocated).toArray()),
					(long) median(results.stream().mapToDouble(Result::rssIdle).toArray()),
					(long) median(results.stream().mapToDouble(Result::rssAfter).toArray()));
		}

		private static double median(double[] values) {
			Arrays.sort(values);
			int middle = values.length / 2;
			return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
		}

		@Override
		public String toString() {
			return String.format("%,9.0f events/s %6.1f µs CPU/event %,7d B/event RSS idle %4d MB after %4d MB",
					this.rate, this.cpuMicros, this.allocated, this.rssIdle, this.rssAfter);
		}

	}

}
