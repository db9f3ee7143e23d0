package io.github.discordgateway.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM's stdin and stdout, one line per command or answer; every wait is bounded. The driver starts the
 * child with {@link #start}; the child answers its commands through {@link #obeyDriver}.
 */
final class ProcessLink {

	/** How long one step (one expected answer) may take. */
	private static final Duration STEP_LIMIT = Duration.ofMinutes(3);

	private final Process process;

	private final PrintStream commands;

	private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

	private ProcessLink(Process process) {
		this.process = process;
		this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					this.answers.add(line);
				}
			}
			catch (IOException ex) {
				// the process ended
			}
		}, "child-stdout-" + process.pid());
		reader.setDaemon(true);
		reader.start();
	}

	/** What a child does with one command line from its driver. */
	@FunctionalInterface
	interface Command {

		void run(String line) throws Exception;

	}

	/**
	 * The child's side: runs each line its driver writes to stdin on a daemon thread of that name, and ends the
	 * JVM when stdin ends (the driver stopped it or went away).
	 */
	static void obeyDriver(String threadName, Command command) {
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					command.run(line);
				}
			}
			catch (Exception ex) {
				System.err.println(threadName + " stops: " + ex);
			}
			System.exit(0);
		}, threadName);
		reader.setDaemon(true);
		reader.start();
	}

	/** The java launcher of this JVM, so that child JVMs run on the same JDK. */
	static String javaCommand() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	static ProcessLink start(List<String> command) throws IOException {
		return start(command, Map.of());
	}

	/** Starts the command with these variables added to its environment (e.g. a token kept off the command line). */
	static ProcessLink start(List<String> command, Map<String, String> environment) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().putAll(environment);
		return new ProcessLink(builder.start());
	}

	long pid() {
		return this.process.pid();
	}

	void send(String command) {
		this.commands.println(command);
	}

	/**
	 * Waits for the next line that starts with {@code prefix} (log lines in between are passed through to
	 * stderr); returns the rest of it.
	 */
	String expect(String prefix) throws InterruptedException {
		long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			String line = (left > 0) ? this.answers.poll(Math.min(left, 1_000_000_000L), TimeUnit.NANOSECONDS) : null;
			if (line == null && left > 0 && (this.process.isAlive() || !this.answers.isEmpty())) {
				continue;
			}
			if (line == null) {
				throw new IllegalStateException("no " + prefix + " from " + this.process.info().commandLine()
					.orElse("?") + " in " + STEP_LIMIT
						+ (this.process.isAlive() ? "" : " (it exited with " + this.process.exitValue() + ")"));
			}
			if (line.startsWith(prefix)) {
				return line.substring(prefix.length()).strip();
			}
			System.err.println("  | " + line);
		}
	}

	long rssMegabytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + this.process.pid() + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
			}
		}
		return -1;
	}

	void stop() throws InterruptedException {
		this.commands.close();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		}
	}

}
