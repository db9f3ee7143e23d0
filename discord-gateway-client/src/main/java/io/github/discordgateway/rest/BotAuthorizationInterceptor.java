package io.github.discordgateway.rest;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds {@code Authorization: Bot <token>} to requests to Discord's API, and only to those: a request to another
 * host (an absolute URL to a CDN, a webhook proxy, anything a message links to) goes out without the token, and
 * any Authorization header set on it by hand is left as is.
 */
public final class BotAuthorizationInterceptor implements ClientHttpRequestInterceptor {

	private final DiscordApiBase base;

	private final String authorization;

	/**
	 * @param base the configured API base
	 * @param token the bot token (bare)
	 */
	public BotAuthorizationInterceptor(DiscordApiBase base, String token) {
		this.base = base;
		this.authorization = "Bot " + token;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		HttpHeaders headers = request.getHeaders();
		if (this.base.covers(request.getURI()) && !headers.containsHeader(HttpHeaders.AUTHORIZATION)) {
			headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
		}
		return execution.execute(request, body);
	}

	@Override
	public String toString() {
		return "BotAuthorizationInterceptor[base=" + this.base.uri() + "]";
	}

}
