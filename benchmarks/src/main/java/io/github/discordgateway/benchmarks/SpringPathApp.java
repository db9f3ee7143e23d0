package io.github.discordgateway.benchmarks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.event.MessageCreateEvent;
import io.github.discordgateway.event.ReadyEvent;
import io.github.discordgateway.model.Message;

/**
 * The bot {@link SpringPathBenchmark} floods: a Spring Boot application on the starter, like the sample app, with
 * one of two listeners ({@code bench.listener}): {@code message} reads each message's content and author id as a
 * typical bot does; {@code generic} takes every {@link DispatchEvent} and decodes nothing.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class SpringPathApp {

	public static void main(String[] args) {
		FloodProbe.listen();
		SpringApplication.run(SpringPathApp.class, args);
	}

	@Component
	static class ReadySignal {

		@EventListener
		void on(ReadyEvent event) {
			FloodProbe.ready();
		}

	}

	@Component
	@ConditionalOnProperty(name = "bench.listener", havingValue = "message")
	static class MessageListener {

		@EventListener
		void on(MessageCreateEvent event) {
			Message message = event.getMessage();
			FloodProbe.delivered(message.content().length() + message.author().id().value());
		}

	}

	@Component
	@ConditionalOnProperty(name = "bench.listener", havingValue = "generic")
	static class GenericListener {

		@EventListener
		void on(DispatchEvent event) {
			if ("MESSAGE_CREATE".equals(event.getName())) {
				FloodProbe.delivered(event.getSequence());
			}
		}

	}

}
