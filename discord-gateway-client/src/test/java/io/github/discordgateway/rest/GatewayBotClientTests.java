package io.github.discordgateway.rest;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.github.discordgateway.protocol.GatewayJson;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What GET /gateway/bot reports when Discord cannot be reached.
 */
class GatewayBotClientTests {

	@Test
	void anUnreachableDiscordIsReportedWithTheRootCausesMessage() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		RestClient restClient = DiscordRestClients.create(RestClient.builder(),
				"http://127.0.0.1:" + closedPort + "/api/v10", "token");
		GatewayBotClient client = new GatewayBotClient(restClient, new GatewayJson());
		assertThatExceptionOfType(ResourceAccessException.class).isThrownBy(client::get)
			.withMessageStartingWith("Discord is unreachable: ")
			.withMessageNotContaining("null")
			.withMessageContaining("Connect");
	}

}
