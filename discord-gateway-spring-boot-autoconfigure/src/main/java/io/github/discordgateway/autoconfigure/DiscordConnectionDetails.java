package io.github.discordgateway.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details for connecting to Discord. Defined from the {@code discord.*} properties unless a bean of this type
 * exists, which lets tests (and the simulator's test kit) point a bot at another endpoint.
 *
 * @since 0.1.0
 */
public interface DiscordConnectionDetails extends ConnectionDetails {

	/**
	 * The bot token.
	 */
	String getToken();

	/**
	 * The base URL of the HTTP API, e.g. {@code https://discord.com/api/v10}.
	 */
	String getRestBaseUrl();

	/**
	 * A gateway URL that overrides the one {@code GET /gateway/bot} names, or {@code null}.
	 */
	default String getGatewayUrl() {
		return null;
	}

}
