package io.github.discordgateway.it;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.it.BotRunner.RecordingListener;
import io.github.discordgateway.protocol.Intent;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every dispatch name in gateway-v10.json goes over the wire to a bot with every intent and reaches its
 * listeners: typed where this library models the event, as a plain {@link DispatchEvent} otherwise.
 */
class AllDispatchEventsIntegrationTests {

	/** The dispatches this library models with a class of their own (all but RESUMED reach the bot here). */
	private static final Set<String> TYPED = Set.of("READY", "RESUMED", "GUILD_CREATE", "GUILD_UPDATE",
			"GUILD_DELETE", "CHANNEL_CREATE", "CHANNEL_UPDATE", "CHANNEL_DELETE", "THREAD_CREATE", "THREAD_UPDATE",
			"THREAD_DELETE", "GUILD_MEMBER_ADD", "GUILD_MEMBER_UPDATE", "GUILD_MEMBER_REMOVE", "GUILD_MEMBERS_CHUNK",
			"MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK", "MESSAGE_REACTION_ADD",
			"MESSAGE_REACTION_REMOVE", "INTERACTION_CREATE", "PRESENCE_UPDATE", "TYPING_START", "VOICE_STATE_UPDATE",
			"VOICE_SERVER_UPDATE");

	static List<String> dispatchNames() {
		JsonNode events = JsonMapper.builder().build()
			.readTree(AllDispatchEventsIntegrationTests.class.getResourceAsStream("/protocol/gateway-v10.json"))
			.get("dispatchEvents");
		return StreamSupport.stream(events.spliterator(), false).map((event) -> event.get("name").asString()).toList();
	}

	@Test
	void everyDispatchNameReachesListeners() {
		SimulatorOptions options = SimulatorOptions.builder()
			.enabledPrivilegedIntents(SimulatorOptions.GUILD_MEMBERS | SimulatorOptions.GUILD_PRESENCES
					| SimulatorOptions.MESSAGE_CONTENT)
			.build();
		String everyIntent = Arrays.stream(Intent.values()).map(Intent::name).collect(Collectors.joining(","));
		try (GatewaySimulator simulator = GatewaySimulator.start(options)) {
			BotRunner.against(simulator, "discord.gateway.intents=" + everyIntent).run((context) -> {
				SimulatedSession session = simulator.awaitReady(Duration.ofSeconds(10));
				String guildId = options.guilds().get(0).id();
				List<String> names = dispatchNames().stream()
					.filter((name) -> !name.equals("READY") && !name.equals("RESUMED"))
					.toList();
				for (String name : names) {
					session.dispatch(name, Map.of("guild_id", guildId, "id", "1", "channel_id", "2"));
				}
				RecordingListener listener = context.getBean(RecordingListener.class);
				await().atMost(Duration.ofSeconds(20))
					.until(() -> names.stream().allMatch((name) -> !listener.sequences(name).isEmpty()));
				for (DispatchEvent event : listener.events) {
					Class<?> expected = TYPED.contains(event.getName()) ? typedClass(event.getName()) : DispatchEvent.class;
					assertThat(event.getClass()).as(event.getName()).isEqualTo(expected);
				}
				assertThat(listener.events.stream().map(DispatchEvent::getName).filter(TYPED::contains).distinct())
					.as("typed events that went over the wire")
					.containsExactlyInAnyOrderElementsOf(TYPED.stream().filter((name) -> !name.equals("RESUMED")).toList());
			});
		}
	}

	private static Class<?> typedClass(String eventName) {
		String simpleName = Arrays.stream(eventName.split("_"))
			.map((word) -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
			.collect(Collectors.joining()) + "Event";
		try {
			return Class.forName(DispatchEvent.class.getPackageName() + "." + simpleName);
		}
		catch (ClassNotFoundException ex) {
			throw new AssertionError("no typed event class " + simpleName, ex);
		}
	}

}
