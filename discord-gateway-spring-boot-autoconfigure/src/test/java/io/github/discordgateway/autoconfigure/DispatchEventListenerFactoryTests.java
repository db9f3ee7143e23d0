package io.github.discordgateway.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

class DispatchEventListenerFactoryTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
		.withPropertyValues("discord.token=test-token", "discord.gateway.auto-startup=false")
		.withBean(Listeners.class);

	@Test
	void aThrowingListenerDoesNotKeepTheOthersFromTheEvent() {
		this.contextRunner.run((context) -> {
			context.publishEvent(new DispatchEvent("MESSAGE_CREATE", 0, 7, false, RawJson.of("{}"), new GatewayJson()));
			assertThat(context.getBean(Listeners.class).received).containsExactly("throwing", "healthy");
		});
	}

	@Test
	void listenersOfOtherEventsKeepSpringsBehaviour() {
		this.contextRunner.run((context) -> assertThatRuntimeException().isThrownBy(() -> context.publishEvent("text"))
			.withMessage("other listener failed"));
	}

	static class Listeners {

		final List<String> received = new CopyOnWriteArrayList<>();

		@EventListener
		@Order(1)
		void throwing(DispatchEvent event) {
			this.received.add("throwing");
			throw new IllegalStateException("listener bug");
		}

		@EventListener
		@Order(2)
		void healthy(DispatchEvent event) {
			this.received.add("healthy");
		}

		@EventListener
		void other(String text) {
			throw new IllegalStateException("other listener failed");
		}

	}

}
