package io.github.discordgateway.benchmarks;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.discordgateway.DiscordGatewayClient;
import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.event.DispatchListener;
import io.github.discordgateway.session.ShardStatus;

/**
 * End-to-end ingestion: one shard of the plain client (no Spring Boot, zlib-stream, Tomcat's WebSocket client)
 * receives blasts of MESSAGE_CREATE dispatches from a gateway on 127.0.0.1 and hands them to a listener that only
 * counts them (and checks their sequence). Reported per blast: events per second delivered to the listener (from
 * the first delivered event to the last), and the CPU this JVM spent per event: the whole process (socket reads,
 * inflate, decode, queueing, delivery, GC and JIT), split into the WebSocket client's threads, the delivery
 * threads and the rest.
 * <p>
 * The gateway ({@link IngestionLoadServer}) runs in a child JVM, so none of its CPU is counted here; it deflates
 * each blast through the connection's zlib context before the blast starts, then only writes. Run by hand:
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.discordgateway.benchmarks.EndToEndIngestion
 * [events per blast, default 1000000] [blasts, default 3] [warm-up events, default 200000] [plain|rich]}.
 */
public final class EndToEndIngestion {

	private static final Duration STEP_LIMIT = Duration.ofMinutes(3);

	private EndToEndIngestion() {
	}

	public static void main(String[] args) throws Exception {
		int events = RunArguments.intAt(args, 0, 1_000_000);
		int blasts = RunArguments.intAt(args, 1, 3);
		int warmup = RunArguments.intAt(args, 2, 200_000);
		String kind = (args.length > 3) ? args[3] : MessageCreatePayloads.PLAIN;
		PrintStream out = System.out;
		out.printf("client JVM: %s %s, %d CPUs, max heap %d MB, GC %s%n", System.getProperty("java.vm.name"),
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20, gcNames());
		out.printf("input JVM args: %s%n", ManagementFactory.getRuntimeMXBean().getInputArguments());

		ProcessLink link = ProcessLink.start(List.of(ProcessLink.javaCommand(), "-Xmx2g", "-cp",
				System.getProperty("java.class.path"), IngestionLoadServer.class.getName(), kind));
		DiscordGatewayClient client = null;
		try {
			int port = Integer.parseInt(link.expect("PORT"));
			CountingListener listener = new CountingListener();
			client = client(port, listener);
			client.start();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (!client.isReady() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			if (!client.isReady()) {
				throw new IllegalStateException("shard not READY in 30 s: " + client.statuses());
			}
			out.printf("%s MESSAGE_CREATE, %d per blast after a warm-up of %d%n", kind, events, warmup);
			if (warmup > 0) {
				blast("warm-up", warmup, link, listener, out);
			}
			List<double[]> results = new ArrayList<>();
			for (int i = 1; i <= blasts; i++) {
				results.add(blast("blast " + i, events, link, listener, out));
			}
			double best = results.stream().mapToDouble((r) -> r[0]).max().orElse(0);
			double median = results.stream().mapToDouble((r) -> r[0]).sorted().toArray()[results.size() / 2];
			double cpu = results.stream().mapToDouble((r) -> r[1]).sorted().toArray()[results.size() / 2];
			out.printf("median of %d blasts: %,.0f events/s (best %,.0f), %.2f µs of client CPU per event%n",
					results.size(), median, best, cpu);
			ShardStatus status = client.statuses().get(0);
			if (status.failedAttempts() > 0 || status.lastCloseCode() != null) {
				out.println("WARNING: the shard reconnected during the run: " + status);
			}
		}
		finally {
			if (client != null) {
				client.close();
			}
			link.send("QUIT");
			link.stop();
		}
		// Ends the JVM even if a library left a non-daemon thread behind.
		System.exit(0);
	}

	/** Runs one blast; returns {events/s, µs of process CPU per event}. */
	private static double[] blast(String label, int count, ProcessLink link, CountingListener listener,
			PrintStream out) throws Exception {
		link.send("PREPARE " + count);
		long first = Long.parseLong(link.expect("PREPARED"));
		CountDownLatch done = listener.arm(first, count);
		System.gc();
		CpuSnapshot before = CpuSnapshot.take();
		link.send("GO");
		if (!done.await(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
			throw new IllegalStateException(label + ": only " + listener.delivered + " of " + count
					+ " events delivered in " + STEP_LIMIT);
		}
		CpuSnapshot after = CpuSnapshot.take();
		String sent = link.expect("SENT");
		double seconds = (listener.lastNanos - listener.firstNanos) / 1e9;
		double rate = (count - 1) / seconds;
		double processCpu = (after.processCpu - before.processCpu) / 1e3 / count;
		Map<String, long[]> threads = after.minus(before);
		StringBuilder split = new StringBuilder();
		long threadSum = 0;
		for (Map.Entry<String, long[]> group : threads.entrySet()) {
			long[] cpuAndBytes = group.getValue();
			threadSum += cpuAndBytes[0];
			if (cpuAndBytes[0] >= count * 50L) { // show groups above 0.05 µs per event
				split.append(String.format("%n    %-34s %6.2f µs/event, %,6d B/event allocated", group.getKey(),
						cpuAndBytes[0] / 1e3 / count, cpuAndBytes[1] / count));
			}
		}
		split.append(String.format("%n    %-34s %6.2f µs/event", "(GC, JIT, other native threads)",
				((after.processCpu - before.processCpu) - threadSum) / 1e3 / count));
		out.printf("%s: %,d events in %.3f s: %,.0f events/s; client CPU %.2f µs/event (process), GC %d ms in %d"
				+ " collections; server wrote the blast in %s ms; sequence errors %d%s%n", label, count, seconds, rate,
				processCpu, after.gcMillis - before.gcMillis, after.gcCount - before.gcCount, sent,
				listener.sequenceErrors, split);
		return new double[] { rate, processCpu };
	}

	/** The starter's defaults (discord.gateway.* properties); logs out when closed. */
	private static DiscordGatewayClient client(int port, DispatchListener listener) {
		return DiscordGatewayClient.builder()
			.token("bench-token")
			.restBaseUrl("http://127.0.0.1:" + port + "/api/v10")
			.gatewayUrl("ws://127.0.0.1:" + port)
			.resumableShutdown(false)
			.shutdownTimeout(Duration.ofSeconds(5))
			.eventSink(listener)
			.build();
	}

	private static String gcNames() {
		List<String> names = new ArrayList<>();
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			names.add(gc.getName());
		}
		return String.join(" + ", names);
	}

	/**
	 * The no-op listener: counts MESSAGE_CREATEs of the current blast and checks their sequence follows on. Runs on
	 * one delivery thread at a time (the shard's queue hands over between them in order); the main thread reads the
	 * results after the latch.
	 */
	private static final class CountingListener implements DispatchListener {

		private volatile CountDownLatch done = new CountDownLatch(0);

		private long expected;

		private int remaining;

		private int delivered;

		private long sequenceErrors;

		private long firstNanos;

		private long lastNanos;

		/** Called before the blast is sent; the delivery threads see it through the volatile latch. */
		CountDownLatch arm(long firstSequence, int count) {
			this.expected = firstSequence;
			this.remaining = count;
			this.delivered = 0;
			this.sequenceErrors = 0;
			CountDownLatch latch = new CountDownLatch(1);
			this.done = latch;
			return latch;
		}

		@Override
		public void onDispatch(DispatchEvent event) {
			CountDownLatch latch = this.done;
			if (!"MESSAGE_CREATE".equals(event.getName()) || this.remaining == 0) {
				return;
			}
			long now = System.nanoTime();
			if (this.delivered == 0) {
				this.firstNanos = now;
			}
			this.lastNanos = now;
			if (event.getSequence() != this.expected) {
				this.sequenceErrors++;
			}
			this.expected = event.getSequence() + 1;
			this.delivered++;
			if (--this.remaining == 0) {
				latch.countDown();
			}
		}

	}

	/** CPU and allocation of this JVM at one moment, per thread (grouped by name, digits dropped). */
	private static final class CpuSnapshot {

		private final long processCpu;

		private final Map<Long, long[]> threads = new HashMap<>();

		private final Map<Long, String> names = new HashMap<>();

		private long gcMillis;

		private long gcCount;

		private CpuSnapshot(long processCpu) {
			this.processCpu = processCpu;
		}

		static CpuSnapshot take() {
			com.sun.management.ThreadMXBean threadBean = (com.sun.management.ThreadMXBean) ManagementFactory
				.getThreadMXBean();
			com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
				.getOperatingSystemMXBean();
			long[] ids = threadBean.getAllThreadIds();
			long[] cpu = threadBean.getThreadCpuTime(ids);
			long[] bytes = threadBean.getThreadAllocatedBytes(ids);
			CpuSnapshot snapshot = new CpuSnapshot(os.getProcessCpuTime());
			for (int i = 0; i < ids.length; i++) {
				ThreadInfo info = threadBean.getThreadInfo(ids[i]);
				if (info != null && cpu[i] >= 0) {
					snapshot.threads.put(ids[i], new long[] { cpu[i], bytes[i] });
					snapshot.names.put(ids[i], info.getThreadName());
				}
			}
			for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
				snapshot.gcMillis += gc.getCollectionTime();
				snapshot.gcCount += gc.getCollectionCount();
			}
			return snapshot;
		}

		/** CPU ns and allocated bytes per thread group between {@code earlier} and this snapshot. */
		Map<String, long[]> minus(CpuSnapshot earlier) {
			Map<String, long[]> groups = new TreeMap<>();
			for (Map.Entry<Long, long[]> thread : this.threads.entrySet()) {
				long[] then = earlier.threads.getOrDefault(thread.getKey(), new long[2]);
				String name = this.names.get(thread.getKey());
				String group = name.replaceAll("\\d+", "#");
				long[] sum = groups.computeIfAbsent(group, (g) -> new long[2]);
				sum[0] += thread.getValue()[0] - then[0];
				sum[1] += thread.getValue()[1] - then[1];
			}
			return groups;
		}

	}

}
