package io.github.discordgateway.it;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
					String typedName = typedClassName(event.getName());
					assertThat(event.getClass().getSimpleName()).as(event.getName())
						.isIn(typedName, DispatchEvent.class.getSimpleName());
				}
				assertThat(listener.events.stream().filter((event) -> event.getClass() != DispatchEvent.class).count())
					.as("typed events among them").isGreaterThanOrEqualTo(20);
			});
		}
	}

	private static String typedClassName(String eventName) {
		return Arrays.stream(eventName.split("_"))
			.map((word) -> word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT))
			.collect(Collectors.joining()) + "Event";
	}

}
