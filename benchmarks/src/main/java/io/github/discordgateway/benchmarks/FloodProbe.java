package io.github.discordgateway.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * The measuring end inside a bot under test ({@link SpringPathApp}, {@link JdaPeerApp}), driven by
 * {@link SpringPathBenchmark} over stdin and stdout. The bot's listener calls {@link #delivered} once per
 * MESSAGE_CREATE, on the thread that runs listeners. {@code ARM <n>} makes the probe count the next n messages; it
 * answers {@code ARMED} at once and, after the n-th message, {@code DONE <process CPU ns> <bytes allocated by
 * live threads>} over the flood. {@code READY} is printed once the bot can receive messages.
 */
final class FloodProbe {

	private static final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

	private static volatile int remaining;

	private static long cpuBefore;

	private static long allocatedBefore;

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
				out.println("DONE " + (processCpu() - cpuBefore) + " " + (allocated() - allocatedBefore));
			}
		}
	}

	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static long allocated() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long sum = 0;
		for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			sum += Math.max(0, bytes);
		}
		return sum;
	}

}
