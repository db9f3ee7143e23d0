package io.github.discordgateway.rest.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.ClientHttpResponse;

/**
 * What a 429 asks: how long to wait and whether the bot's global limit or a route's bucket was hit.
 *
 * @param retryAfter how long to wait before sending again
 * @param global whether every request must wait (the global limit), not only the bucket's
 * @param scope {@code user}, {@code global} or {@code shared}
 */
record TooManyRequests(Duration retryAfter, boolean global, String scope) {

	private static final int MAX_BODY_BYTES = 16 * 1024;

	private static final Duration FALLBACK_WAIT = Duration.ofSeconds(1);

	static TooManyRequests read(RateLimitHeaders headers, ClientHttpResponse response) {
		JsonNode body = body(response);
		Duration retryAfter = (body != null && body.path("retry_after").isNumber())
				? RateLimitHeaders.seconds(body.path("retry_after").asString()) : null;
		if (retryAfter == null) {
			retryAfter = (headers.retryAfter() != null) ? headers.retryAfter() : headers.resetAfter();
		}
		boolean global = headers.global() || "global".equalsIgnoreCase(headers.scope())
				|| (body != null && body.path("global").asBoolean(false));
		String scope = (headers.scope() != null) ? headers.scope() : (global ? "global" : "user");
		return new TooManyRequests((retryAfter != null) ? retryAfter : FALLBACK_WAIT, global, scope);
	}

	private static JsonNode body(ClientHttpResponse response) {
		try (InputStream in = response.getBody()) {
			return JsonMapper.shared().readTree(in.readNBytes(MAX_BODY_BYTES));
		}
		catch (IOException | JacksonException ex) {
			return null;
		}
	}

}
