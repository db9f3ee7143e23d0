package io.github.discordgateway.rest;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import io.github.discordgateway.protocol.LibraryInfo;

/**
 * Builds {@link RestClient}s for Discord's HTTP API: base URL, bot authorization and the User-Agent Discord
 * requires ({@code DiscordBot (url, version)}).
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
		return builder.baseUrl(baseUrl)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bot " + token)
			.defaultHeader(HttpHeaders.USER_AGENT, LibraryInfo.USER_AGENT)
			.build();
	}

}
