package io.github.discordgateway.sharding;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads shard ids written as single ids and ranges, such as {@code 0-15,20}.
 */
public final class ShardIds {

	/** A guard against a typo such as {@code 0-10000000}: more shards than any bot runs in one process. */
	private static final int MAX_IDS = 100_000;

	private ShardIds() {
	}

	/**
	 * @param spec ids and inclusive ranges separated by commas, e.g. {@code 0-15,20}; blank for none
	 * @return the ids, ascending, each once
	 * @throws IllegalArgumentException if a part is not an id or a range
	 */
	public static List<Integer> parse(String spec) {
		return parse(Arrays.asList(spec.split(",")));
	}

	/**
	 * @param parts ids and inclusive ranges, e.g. {@code ["0-15", "20"]}; blank parts are skipped
	 * @return the ids, ascending, each once
	 * @throws IllegalArgumentException if a part is not an id or a range
	 */
	public static List<Integer> parse(Collection<String> parts) {
		TreeSet<Integer> ids = new TreeSet<>();
		for (String part : parts) {
			String trimmed = part.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			int dash = trimmed.indexOf('-', 1);
			int first = number(trimmed, (dash < 0) ? trimmed : trimmed.substring(0, dash));
			int last = (dash < 0) ? first : number(trimmed, trimmed.substring(dash + 1));
			if (last < first) {
				throw new IllegalArgumentException("Shard id range '" + trimmed + "' ends before it starts");
			}
			if ((long) last - first + ids.size() >= MAX_IDS) {
				throw new IllegalArgumentException("Shard ids '" + trimmed + "' name more than " + MAX_IDS + " shards");
			}
			for (int id = first; id <= last; id++) {
				ids.add(id);
			}
		}
		return List.copyOf(ids);
	}

	private static int number(String part, String text) {
		try {
			int id = Integer.parseInt(text.strip());
			if (id < 0) {
				throw new NumberFormatException();
			}
			return id;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"Shard ids must be ids or ranges such as 0-15,20; '" + part + "' is neither");
		}
	}

}
