package io.github.discordgateway.event;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
	void everyTypedGetterDecodesAnObjectWithNoFields(String name) throws Exception {
		DispatchEvent event = this.events.create(name, 0, 1, RawJson.of("{}"));
		for (Method getter : event.getClass().getDeclaredMethods()) {
			if (Modifier.isPublic(getter.getModifiers()) && getter.getName().startsWith("get")) {
				assertThat(getter.invoke(event)).as(getter.getName()).isNotNull();
			}
		}
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
