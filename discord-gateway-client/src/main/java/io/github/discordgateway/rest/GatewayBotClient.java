package io.github.discordgateway.rest;

import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
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
		String body = this.restClient.get()
			.uri("/gateway/bot")
			.retrieve()
			.onStatus((status) -> status.value() == HttpStatus.UNAUTHORIZED.value(), (request, response) -> {
				throw new InvalidTokenException();
			})
			.body(String.class);
		return this.json.read(RawJson.of((body != null) ? body : "null"), GatewayBot.class);
	}

}
