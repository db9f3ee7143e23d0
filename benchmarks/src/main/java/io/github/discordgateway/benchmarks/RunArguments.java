package io.github.discordgateway.benchmarks;

/** What every benchmark driver reads from its command line and says about the JVM it runs on. */
final class RunArguments {

	private RunArguments() {
	}

	/** The positional argument at {@code index} as an int, or {@code fallback} when it is not given. */
	static int intAt(String[] args, int index, int fallback) {
		return (args.length > index) ? Integer.parseInt(args[index]) : fallback;
	}

	/** The JVM's name and version and the CPUs it sees, for the first line of a run's log. */
	static String jvm() {
		return "JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
				+ Runtime.getRuntime().availableProcessors() + " CPUs";
	}

}
