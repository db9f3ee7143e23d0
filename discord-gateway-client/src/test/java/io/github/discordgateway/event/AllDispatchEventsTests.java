package io.github.discordgateway.event;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.discordgateway.model.Snowflake;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dispatch name in gateway-v10.json, and names that are not in it, through the typed factory.
 */
class AllDispatchEventsTests {

	private static final Map<String, Class<? extends DispatchEvent>> TYPED = Map.ofEntries(
			Map.entry("READY", ReadyEvent.class), Map.entry("RESUMED", ResumedEvent.class),
			Map.entry("GUILD_CREATE", GuildCreateEvent.class), Map.entry("GUILD_UPDATE", GuildUpdateEvent.class),
			Map.entry("GUILD_DELETE", GuildDeleteEvent.class), Map.entry("CHANNEL_CREATE", ChannelCreateEvent.class),
			Map.entry("CHANNEL_UPDATE", ChannelUpdateEvent.class),
			Map.entry("CHANNEL_DELETE", ChannelDeleteEvent.class), Map.entry("THREAD_CREATE", ThreadCreateEvent.class),
			Map.entry("THREAD_UPDATE", ThreadUpdateEvent.class), Map.entry("THREAD_DELETE", ThreadDeleteEvent.class),
			Map.entry("GUILD_MEMBER_ADD", GuildMemberAddEvent.class),
			Map.entry("GUILD_MEMBER_UPDATE", GuildMemberUpdateEvent.class),
			Map.entry("GUILD_MEMBER_REMOVE", GuildMemberRemoveEvent.class),
			Map.entry("GUILD_MEMBERS_CHUNK", GuildMembersChunkEvent.class),
			Map.entry("MESSAGE_CREATE", MessageCreateEvent.class),
			Map.entry("MESSAGE_UPDATE", MessageUpdateEvent.class),
			Map.entry("MESSAGE_DELETE", MessageDeleteEvent.class),
			Map.entry("MESSAGE_DELETE_BULK", MessageDeleteBulkEvent.class),
			Map.entry("MESSAGE_REACTION_ADD", MessageReactionAddEvent.class),
			Map.entry("MESSAGE_REACTION_REMOVE", MessageReactionRemoveEvent.class),
			Map.entry("INTERACTION_CREATE", InteractionCreateEvent.class),
			Map.entry("PRESENCE_UPDATE", PresenceUpdateEvent.class),
			Map.entry("TYPING_START", TypingStartEvent.class),
			Map.entry("VOICE_STATE_UPDATE", VoiceStateUpdateEvent.class),
			Map.entry("VOICE_SERVER_UPDATE", VoiceServerUpdateEvent.class));

	/** Fields most dispatches carry, in Discord's names. */
	private static final String IDS = "{\"id\":\"41\",\"guild_id\":\"42\",\"channel_id\":43,\"session_id\":\"s-44\"}";

	private final TypedDispatchEventFactory events = new TypedDispatchEventFactory(new GatewayJson());

	static List<String> dispatchNames() {
		JsonNode protocol = JsonMapper.builder().build().readTree(ProtocolFiles.file("gateway-v10.json"));
		JsonNode names = protocol.get("dispatchEvents");
		return StreamSupport.stream(names.spliterator(), false).map((event) -> event.get("name").asString()).toList();
	}

	@Test
	void theProtocolListsAllDispatchesAndEveryTypedOneIsAmongThem() {
		assertThat(dispatchNames()).hasSize(79).containsAll(TYPED.keySet());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dispatchNames")
	void everyDispatchGetsItsEventCarryingNameShardAndSequence(String name) {
		DispatchEvent event = this.events.create(name, 3, 77, RawJson.of("{}"));
		assertThat(event.getClass()).isEqualTo(TYPED.getOrDefault(name, DispatchEvent.class));
		assertThat(event.getName()).isEqualTo(name);
		assertThat(event.getShardId()).isEqualTo(3);
		assertThat(event.getSequence()).isEqualTo(77);
		assertThat(event.getRawData()).isEqualTo("{}");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dispatchNames")
	void everyDispatchDecodesItsDataAndEveryTypedGetterMapsDiscordsFieldNames(String name) throws Exception {
		DispatchEvent event = this.events.create(name, 0, 1, RawJson.of(IDS));
		assertThat(event.getDataNode().get("guild_id").asString()).isEqualTo("42");
		List<Method> getters = typedGetters(event);
		if (name.equals("RESUMED") || !TYPED.containsKey(name)) {
			assertThat(getters).as("getters beyond DispatchEvent's").isEmpty();
			return;
		}
		assertThat(getters).as("the typed getter").hasSize(1);
		Object decoded = getters.get(0).invoke(event);
		assertThat(decoded.getClass().isRecord()).as(decoded.getClass().getName()).isTrue();
		Map<String, Object> components = new java.util.HashMap<>();
		for (RecordComponent component : decoded.getClass().getRecordComponents()) {
			components.put(component.getName(), component.getAccessor().invoke(decoded));
		}
		Map<String, Object> expected = Map.of("id", Snowflake.of(41), "guildId", Snowflake.of(42), "channelId",
				Snowflake.of(43), "sessionId", "s-44");
		assertThat(expected.keySet()).as("the snake_case fields %s maps", decoded.getClass().getSimpleName())
			.containsAnyElementsOf(components.keySet());
		expected.forEach((component, value) -> {
			if (components.containsKey(component)) {
				assertThat(components.get(component)).as(component).isEqualTo(value);
			}
		});
	}

	private static List<Method> typedGetters(DispatchEvent event) {
		if (event.getClass() == DispatchEvent.class) {
			return List.of();
		}
		return java.util.Arrays.stream(event.getClass().getDeclaredMethods())
			.filter((method) -> Modifier.isPublic(method.getModifiers()) && method.getName().startsWith("get"))
			// Helpers derived from the payload (INTERACTION_CREATE's callback path) are not its decoded form.
			.filter((method) -> !method.getReturnType().equals(String.class))
			.toList();
	}

	@Test
	void aNameDiscordAddsLaterIsStillDelivered() {
		DispatchEvent event = this.events.create("SOMETHING_NEW", 1, 5, RawJson.of("{\"a\":1}"));
		assertThat(event.getClass()).isEqualTo(DispatchEvent.class);
		assertThat(event.getName()).isEqualTo("SOMETHING_NEW");
		assertThat(event.getShardId()).isEqualTo(1);
		assertThat(event.getSequence()).isEqualTo(5);
		assertThat(event.getDataNode().get("a").asInt()).isEqualTo(1);
	}

	@Test
	void aDispatchWithoutANameIsStillDelivered() {
		DispatchEvent event = this.events.create(null, 0, 9, RawJson.NULL);
		assertThat(event.getClass()).isEqualTo(DispatchEvent.class);
		assertThat(event.getName()).isNull();
	}

}
