package io.github.discordgateway.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measuring end inside {@link ShardFleetApp}, driven over stdin and stdout. Prints, once every shard is
 * READY, {@code ALLREADY <shards> <ns from client start> <ns from client start to the first shard's READY>
 * <ms from JVM start>}. On {@code MEASURE}: full GCs, then {@code HEAP <bytes used> RSS <KB> THREADS <Java
 * threads> <OS threads>} and {@code GROUPS <name>=<count> ...} (live threads by name, digits folded). The JVM
 * exits when stdin ends.
 */
final class FleetProbe {

	private static final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

	private static final int FULL_GCS = 4;

	private static volatile long clientStartNanos;

	private static volatile boolean allReadyReported;

	private FleetProbe() {
	}

	/** Starts reading commands from stdin; the JVM exits when stdin ends. */
	static void listen() {
		ProcessLink.obeyDriver("fleet-probe", (line) -> {
			if (line.equals("MEASURE")) {
				measure();
			}
		});
	}

	static void clientStarting() {
		clientStartNanos = System.nanoTime();
	}

	/** Every shard has a session; reported once (a shard that reconnects later does not count again). */
	static void allReady(int shards, long firstShardReadyNanos) {
		long now = System.nanoTime();
		if (allReadyReported) {
			return;
		}
		allReadyReported = true;
		long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
		out.println("ALLREADY " + shards + " " + (now - clientStartNanos) + " " + (firstShardReadyNanos - clientStartNanos)
				+ " " + sinceJvmStart);
	}

	/**
	 * The heap still used after full GCs (G1 runs {@code System.gc()} as a full, compacting collection), so what
	 * is left is what the live objects retain; a few in a row, so that objects freed by finalization or reference
	 * processing in one are gone by the last.
	 */
	private static void measure() throws IOException, InterruptedException {
		for (int i = 0; i < FULL_GCS; i++) {
			System.gc();
			Thread.sleep(250);
		}
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		Map<String, String> status = procStatus();
		out.println("HEAP " + heap + " RSS " + status.get("VmRSS") + " THREADS "
				+ ManagementFactory.getThreadMXBean().getThreadCount() + " " + status.get("Threads"));
		out.println("GROUPS " + threadGroups());
	}

	/** The numbers of {@code /proc/self/status} (units dropped: VmRSS is in KB). */
	private static Map<String, String> procStatus() throws IOException {
		Map<String, String> values = new TreeMap<>();
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				values.put(line.substring(0, colon), line.substring(colon + 1).replaceAll("\\D", ""));
			}
		}
		return values;
	}

	private static String threadGroups() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, Integer> groups = new TreeMap<>();
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null) {
				groups.merge(info.getThreadName().replaceAll("\\d+", "#").replace(' ', '_'), 1, Integer::sum);
			}
		}
		StringBuilder line = new StringBuilder();
		groups.forEach((name, count) -> line.append(name).append('=').append(count).append(' '));
		return line.toString().strip();
	}

}
