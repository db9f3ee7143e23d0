package io.github.discordgateway.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;

import io.github.discordgateway.protocol.GatewayJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring routes typed events by their class: a typed listener gets its event only, a DispatchEvent listener all.
 */
class TypedEventListenerTests {

	private final GatewayJson json = new GatewayJson();

	private final TypedDispatchEventFactory events = new TypedDispatchEventFactory(this.json);

	@Test
	void typedListenersGetTheirEventsAndGenericListenersGetAll() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(MessageListener.class,
				EveryDispatchListener.class)) {
			DispatchEvent guildCreate = ProtocolFiles.dispatch(this.json, this.events, "guild_create.json");
			DispatchEvent messageCreate = ProtocolFiles.dispatch(this.json, this.events, "message_create.json");
			context.publishEvent(guildCreate);
			context.publishEvent(messageCreate);
			assertThat(context.getBean(MessageListener.class).received).containsExactly(messageCreate);
			assertThat(context.getBean(EveryDispatchListener.class).received).containsExactly(guildCreate,
					messageCreate);
		}
	}

	@Test
	void conditionsReadTheTypedPayload() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
				MessageFromMasonListener.class)) {
			DispatchEvent messageCreate = ProtocolFiles.dispatch(this.json, this.events, "message_create.json");
			context.publishEvent(messageCreate);
			assertThat(context.getBean(MessageFromMasonListener.class).contents).containsExactly("Supa Hot");
		}
	}

	static class MessageListener {

		final List<DispatchEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(MessageCreateEvent event) {
			this.received.add(event);
		}

	}

	static class EveryDispatchListener {

		final List<DispatchEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(DispatchEvent event) {
			this.received.add(event);
		}

	}

	static class MessageFromMasonListener {

		final List<String> contents = new CopyOnWriteArrayList<>();

		@EventListener(condition = "#event.message.author.username == 'Mason' && !#event.message.member.deaf")
		void on(MessageCreateEvent event) {
			this.contents.add(event.getMessage().content());
		}

	}

}
