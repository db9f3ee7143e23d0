package io.github.discordgateway.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request the simulator answered (or dropped).
 *
 * @param method HTTP method, e.g. {@code GET}
 * @param path decoded path without the query, e.g. {@code /api/v10/gateway/bot}
 * @param query decoded query parameters in order of appearance
 * @param headers request headers; names as the client sent them
 * @param body the request body as UTF-8 text (empty when there was none)
 * @param receivedAt when the request arrived
 * @param status the HTTP status the simulator answered with, or {@link #DROPPED}
 */
public record RestCall(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
		String body, Instant receivedAt, int status) {

	/** The status of a request whose connection the simulator closed without answering. */
	public static final int DROPPED = 0;

	/**
	 * Copies the collections so the record is immutable.
	 */
	public RestCall {
		query = Map.copyOf(query);
		headers = Map.copyOf(headers);
	}

	/**
	 * Looks a header up the way HTTP does, ignoring the case of its name.
	 * @param name header name
	 * @return the first value, if the header was sent
	 */
	public Optional<String> header(String name) {
		return this.headers.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
			.map((entry) -> entry.getValue().get(0))
			.findFirst();
	}

}
