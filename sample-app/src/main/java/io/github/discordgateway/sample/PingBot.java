package io.github.discordgateway.sample;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.github.discordgateway.event.DispatchEvent;
import tools.jackson.databind.JsonNode;

/**
 * Logs each message and answers {@code !ping}.
 */
@Component
class PingBot {

	private static final Logger logger = LoggerFactory.getLogger(PingBot.class);

	private final RestClient discord;

	PingBot(RestClient discordRestClient) {
		this.discord = discordRestClient;
	}

	@EventListener(condition = "#event.name == 'MESSAGE_CREATE'")
	void onMessage(DispatchEvent event) {
		JsonNode message = event.getDataNode();
		JsonNode author = message.path("author");
		String content = message.path("content").asString("");
		logger.info("#{} {}: {}", message.path("channel_id").asString(), author.path("username").asString(), content);
		if (!author.path("bot").asBoolean(false) && content.strip().equals("!ping")) {
			this.discord.post()
				.uri("/channels/{channelId}/messages", message.path("channel_id").asString())
				.body(Map.of("content", "pong"))
				.retrieve()
				.toBodilessEntity();
		}
	}

}
