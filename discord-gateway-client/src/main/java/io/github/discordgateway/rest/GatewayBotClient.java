package io.github.discordgateway.rest;

import java.io.IOException;
import java.util.function.Supplier;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * Asks Discord where to connect: {@code GET /gateway/bot}.
 */
public final class GatewayBotClient implements Supplier<GatewayBot> {

	private final RestClient restClient;

	private final GatewayJson json;

	/**
	 * @param restClient a client made by {@link DiscordRestClients}
	 * @param json the codec
	 */
	public GatewayBotClient(RestClient restClient, GatewayJson json) {
		this.restClient = restClient;
		this.json = json;
	}

	/**
	 * @throws InvalidTokenException if Discord rejects the token
	 * @throws org.springframework.web.client.RestClientException for any other failure (worth retrying)
	 */
	@Override
	public GatewayBot get() {
		String body;
		try {
			body = this.restClient.get()
				.uri("/gateway/bot")
				.retrieve()
				.onStatus((status) -> status.value() == HttpStatus.UNAUTHORIZED.value(), (request, response) -> {
					throw new InvalidTokenException();
				})
				.body(String.class);
		}
		catch (ResourceAccessException ex) {
			// Spring's message ends with the I/O exception's own, which is often null (a refused connection).
			throw new ResourceAccessException("Discord is unreachable: " + describe(ex),
					(ex.getCause() instanceof IOException io) ? io : null);
		}
		return this.json.read(RawJson.of((body != null) ? body : "null"), GatewayBot.class);
	}

	/** The innermost cause that says something, e.g. {@code ConnectException: Connection refused}. */
	private static String describe(ResourceAccessException ex) {
		Throwable described = ex.getCause();
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause.getMessage() != null) {
				described = cause;
			}
		}
		Throwable root = (described != null) ? described : NestedExceptionUtils.getMostSpecificCause(ex);
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

}
