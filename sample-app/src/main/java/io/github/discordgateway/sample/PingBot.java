package io.github.discordgateway.sample;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.github.discordgateway.event.MessageCreateEvent;
import io.github.discordgateway.model.Message;

/**
 * Logs each message and answers {@code !ping} with {@code pong}.
 */
@Component
class PingBot {

	private static final Logger logger = LoggerFactory.getLogger(PingBot.class);

	private final RestClient discord;

	PingBot(@Qualifier("discordRestClient") RestClient discord) {
		this.discord = discord;
	}

	@EventListener
	void onMessage(MessageCreateEvent event) {
		Message message = event.getMessage();
		logger.info("#{} {}: {}", message.channelId(), message.author().username(), message.content());
		boolean fromBot = Boolean.TRUE.equals(message.author().bot());
		if (!fromBot && "!ping".equals(message.content().strip())) {
			this.discord.post()
				.uri("/channels/{channelId}/messages", message.channelId())
				.body(Map.of("content", "pong"))
				.retrieve()
				.toBodilessEntity();
		}
	}

}
