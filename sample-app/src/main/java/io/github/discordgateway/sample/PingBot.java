package io.github.discordgateway.sample;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.event.MessageCreateEvent;
import io.github.discordgateway.model.Message;
import tools.jackson.databind.JsonNode;

@Component
class PingBot {

	private static final Logger logger = LoggerFactory.getLogger(PingBot.class);

	private final RestClient discord;

	// Base URL, bot authorization and User-Agent are set on this client.
	PingBot(@Qualifier("discordRestClient") RestClient discord) {
		this.discord = discord;
	}

	// Only MESSAGE_CREATE, typed.
	@EventListener
	void onMessage(MessageCreateEvent event) {
		Message message = event.getMessage();
		logger.info("#{} {}: {}", message.channelId(), message.author().username(), message.content());
		if ("!ping".equals(message.content()) && !Boolean.TRUE.equals(message.author().bot())) {
			this.discord.post()
				.uri("/channels/{id}/messages", message.channelId())
				.body(Map.of("content", "pong"))
				.retrieve()
				.toBodilessEntity();
		}
	}

	// Any dispatch by name, even one this library does not model: its data as a Jackson 3 tree.
	@EventListener(condition = "#event.name == 'CHANNEL_PINS_UPDATE'")
	void onPinsUpdate(DispatchEvent event) {
		JsonNode data = event.getDataNode();
		logger.info("Pins changed in #{}", data.path("channel_id").asString());
	}

}
