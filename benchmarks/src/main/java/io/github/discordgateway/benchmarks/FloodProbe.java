package io.github.discordgateway.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The measuring end inside a bot under test ({@link SpringPathApp}, {@link JdaPeerApp}), driven by
 * {@link SpringPathBenchmark} over stdin and stdout. The bot's listener calls {@link #delivered} once per
 * MESSAGE_CREATE, on the thread that runs listeners. {@code ARM <n>} makes the probe count the next n messages; it
 * answers {@code ARMED} at once and, after the n-th message, {@code THREADS <group>=<CPU ns> ...} (the busiest
 * groups of threads) and {@code DONE <process CPU ns> <bytes allocated by live threads>} over the flood. {@code READY} is printed once the bot can receive messages.
 */
final class FloodProbe {

	private static final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

	private static volatile int remaining;

	private static long cpuBefore;

	private static long allocatedBefore;

	private static Map<Long, Long> threadCpuBefore = Map.of();

	private static volatile boolean ready;

	/** Written by the listener so that what it reads is not optimized away. */
	static long sink;

	private FloodProbe() {
	}

	/** Starts reading commands from stdin; the JVM exits when stdin ends. */
	static void listen() {
		Thread reader = new Thread(() -> {
			try (BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
				String line;
				while ((line = commands.readLine()) != null) {
					if (line.startsWith("ARM ")) {
						cpuBefore = processCpu();
						allocatedBefore = allocated();
						threadCpuBefore = threadCpu();
						remaining = Integer.parseInt(line.substring(4).strip());
						out.println("ARMED");
					}
				}
			}
			catch (IOException ex) {
				// the benchmark ended
			}
			System.exit(0);
		}, "flood-probe");
		reader.setDaemon(true);
		reader.start();
	}

	static void ready() {
		if (!ready) {
			ready = true;
			out.println("READY");
		}
	}

	/** One MESSAGE_CREATE reached the listener; called by one thread at a time. */
	static void delivered(long value) {
		sink += value;
		int left = remaining;
		if (left > 0) {
			remaining = left - 1;
			if (left == 1) {
				long cpu = processCpu() - cpuBefore;
				long allocated = allocated() - allocatedBefore;
				out.println("THREADS " + threadSplit());
				out.println("DONE " + cpu + " " + allocated);
			}
		}
	}

	/** CPU ns per live thread. */
	private static Map<Long, Long> threadCpu() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<Long, Long> cpu = new HashMap<>();
		for (long id : threads.getAllThreadIds()) {
			cpu.put(id, threads.getThreadCpuTime(id));
		}
		return cpu;
	}

	/** CPU ns since the flood was armed, per group of threads (names without their digits), largest first. */
	private static String threadSplit() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, Long> groups = new HashMap<>();
		threadCpu().forEach((id, cpu) -> {
			ThreadInfo info = threads.getThreadInfo(id);
			if (info != null && cpu > 0) {
				groups.merge(info.getThreadName().replaceAll("\\d+", "#"), cpu - threadCpuBefore.getOrDefault(id, 0L),
						Long::sum);
			}
		});
		StringBuilder split = new StringBuilder();
		groups.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(4)
			.forEach((group) -> split.append(group.getKey().replace(' ', '_')).append('=').append(group.getValue()).append(' '));
		return split.toString().strip();
	}

	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static long allocated() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		long sum = 0;
		for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			sum += Math.max(0, bytes);
		}
		return sum;
	}

}
