package io.github.discordgateway.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * The measuring end inside a bot under test ({@link SpringPathApp}, {@link JdaPeerApp}), driven by
 * {@link SpringPathBenchmark} over stdin and stdout. The bot's listener calls {@link #delivered} once per
 * MESSAGE_CREATE, on the thread that runs listeners. {@code ARM <n>} makes the probe count the next n messages; it
 * answers {@code ARMED} at once and, after the n-th message, {@code THREADS <group>=<CPU ns> ...} (the busiest
 * groups of the process's OS threads, JIT and GC included) and
 * {@code DONE <process CPU ns> <bytes allocated by live threads>} over the flood. {@code READY} is printed once the
 * bot can receive messages.
 */
final class FloodProbe {

	private static final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

	private static volatile int remaining;

	private static long cpuBefore;

	private static long allocatedBefore;

	private static Map<String, Long> threadCpuBefore = Map.of();

	/** The kernel counts thread CPU in clock ticks of 1/100 s ({@code USER_HZ}, 100 on Linux). */
	private static final long NANOS_PER_TICK = 10_000_000L;

	private static volatile boolean ready;

	/** Written by the listener so that what it reads is not optimized away. */
	static long sink;

	private FloodProbe() {
	}

	/** Starts reading commands from stdin; the JVM exits when stdin ends. */
	static void listen() {
		ProcessLink.obeyDriver("flood-probe", (line) -> {
			if (line.startsWith("ARM ")) {
				cpuBefore = processCpu();
				allocatedBefore = allocated();
				threadCpuBefore = threadCpu();
				remaining = Integer.parseInt(line.substring(4).strip());
				out.println("ARMED");
			}
		});
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

	/**
	 * CPU ns per thread of the process, read from {@code /proc/self/task}: every OS thread, so the JIT's compiler
	 * threads and the GC's workers are counted too, which {@code ThreadMXBean} does not see. Keyed by task id, with
	 * the thread's name (at most 15 characters, as the kernel keeps it).
	 */
	private static Map<String, Long> threadCpu() {
		Map<String, Long> cpu = new HashMap<>();
		File[] tasks = new File("/proc/self/task").listFiles();
		for (File task : (tasks != null) ? tasks : new File[0]) {
			try {
				String stat = Files.readString(task.toPath().resolve("stat"));
				// "<tid> (<name>) <state> ...": the name may hold spaces and parentheses, the fields after it do not
				int nameEnd = stat.lastIndexOf(')');
				String name = stat.substring(stat.indexOf('(') + 1, nameEnd);
				String[] fields = stat.substring(nameEnd + 2).split(" ");
				// utime and stime are the 14th and 15th fields of the line, the 12th and 13th after the name
				long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				cpu.put(task.getName() + " " + name, ticks * NANOS_PER_TICK);
			}
			catch (IOException | RuntimeException ex) {
				// the thread ended between the listing and the read
			}
		}
		return cpu;
	}

	/** CPU ns since the flood was armed, per group of threads (names without their digits), largest first. */
	private static String threadSplit() {
		Map<String, Long> groups = new HashMap<>();
		threadCpu().forEach((task, cpu) -> {
			String name = task.substring(task.indexOf(' ') + 1);
			groups.merge(name.replaceAll("\\d+", "#"), cpu - threadCpuBefore.getOrDefault(task, 0L), Long::sum);
		});
		StringBuilder split = new StringBuilder();
		groups.entrySet()
			.stream()
			.filter((group) -> group.getValue() > 0)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(8)
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
