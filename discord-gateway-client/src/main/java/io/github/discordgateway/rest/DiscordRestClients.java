package io.github.discordgateway.rest;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import io.github.discordgateway.protocol.LibraryInfo;
import io.github.discordgateway.rest.ratelimit.RateLimitClock;
import io.github.discordgateway.rest.ratelimit.RateLimitInterceptor;
import io.github.discordgateway.rest.ratelimit.RateLimitObserver;
import io.github.discordgateway.rest.ratelimit.RateLimitSettings;

/**
 * Builds {@link RestClient}s for Discord's HTTP API: base URL, the User-Agent Discord requires
 * ({@code DiscordBot (url, version)}), bot authorization on requests to the API base only
 * ({@link BotAuthorizationInterceptor}) and Discord's rate limits ({@link RateLimitInterceptor}).
 */
public final class DiscordRestClients {

	private DiscordRestClients() {
	}

	/**
	 * @param builder a builder to start from (its other settings are kept)
	 * @param baseUrl the API base, e.g. {@code https://discord.com/api/v10}
	 * @param token the bot token (bare)
	 */
	public static RestClient create(RestClient.Builder builder, String baseUrl, String token) {
		return create(builder, baseUrl, token, RateLimitSettings.DEFAULT, RateLimitObserver.NONE);
	}

	/**
	 * @param builder a builder to start from (its other settings are kept)
	 * @param baseUrl the API base, e.g. {@code https://discord.com/api/v10}
	 * @param token the bot token (bare)
	 * @param rateLimits retries of 429s and the global limit
	 * @param observer hears the rate limiter, for meters
	 */
	public static RestClient create(RestClient.Builder builder, String baseUrl, String token,
			RateLimitSettings rateLimits, RateLimitObserver observer) {
		DiscordApiBase base = DiscordApiBase.of(baseUrl);
		return builder.baseUrl(baseUrl)
			.defaultHeader(HttpHeaders.USER_AGENT, LibraryInfo.USER_AGENT)
			.requestInterceptor(new RateLimitInterceptor(base, rateLimits, observer, RateLimitClock.SYSTEM))
			.requestInterceptor(new BotAuthorizationInterceptor(base, token))
			.build();
	}

}
