package io.github.discordgateway.event;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.model.GuildMember;
import io.github.discordgateway.model.GuildMembersChunk;
import io.github.discordgateway.model.MessageReaction;
import io.github.discordgateway.model.Presence;
import io.github.discordgateway.model.Snowflake;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;
import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Payloads that arrive partial or odd (GATEWAY.md §15, §16 items 15 and 17).
 */
class PartialPayloadsTests {

	private final TypedDispatchEventFactory events = new TypedDispatchEventFactory(new GatewayJson());

	private <T extends DispatchEvent> T event(String name, String data, Class<T> type) {
		return type.cast(this.events.create(name, 0, 1, false, RawJson.of(data)));
	}

	@Test
	void presenceUpdateWithOnlyAUserId() {
		Presence presence = event("PRESENCE_UPDATE", "{\"user\":{\"id\":\"80351110224678912\"}}",
				PresenceUpdateEvent.class)
			.getPresence();
		assertThat(presence.user().id()).isEqualTo(Snowflake.of("80351110224678912"));
		assertThat(presence.user().username()).isNull();
		assertThat(presence.status()).isNull();
		assertThat(presence.activities()).isNull();
		assertThat(presence.guildId()).isNull();
	}

	@Test
	void presenceUpdateWithLooseTypes() {
		// Discord does not validate presence field types: a numeric id, a numeric status, one activity unwrapped.
		Presence presence = event("PRESENCE_UPDATE",
				"{\"user\":{\"id\":42},\"status\":1,\"activities\":{\"name\":\"x\",\"type\":0}}",
				PresenceUpdateEvent.class)
			.getPresence();
		assertThat(presence.user().id()).isEqualTo(Snowflake.of(42));
		assertThat(presence.status()).isEqualTo("1");
		assertThat(presence.activities()).singleElement()
			.satisfies((activity) -> assertThat(activity.name()).isEqualTo("x"));
	}

	@Test
	void guildDeleteDuringAnOutage() {
		GuildDeleteEvent event = event("GUILD_DELETE", "{\"id\":\"41771983423143937\",\"unavailable\":true}",
				GuildDeleteEvent.class);
		assertThat(event.getGuild().id()).hasToString("41771983423143937");
		assertThat(event.getGuild().isRemoved()).isFalse();
	}

	@Test
	void guildDeleteAfterTheBotWasRemoved() {
		GuildDeleteEvent event = event("GUILD_DELETE", "{\"id\":\"41771983423143937\"}", GuildDeleteEvent.class);
		assertThat(event.getGuild().unavailable()).isNull();
		assertThat(event.getGuild().isRemoved()).isTrue();
	}

	@Test
	void reactionWithADeletedCustomEmoji() {
		MessageReaction reaction = event("MESSAGE_REACTION_ADD",
				"{\"user_id\":\"1\",\"channel_id\":\"2\",\"message_id\":\"3\",\"emoji\":{\"id\":\"4\",\"name\":null},\"burst\":false,\"type\":0}",
				MessageReactionAddEvent.class)
			.getReaction();
		assertThat(reaction.emoji().id()).isEqualTo(Snowflake.of(4));
		assertThat(reaction.emoji().name()).isNull();
		assertThat(reaction.guildId()).isNull();
		assertThat(reaction.messageId()).isEqualTo(Snowflake.of(3));
	}

	@Test
	void voiceServerGoneAway() {
		VoiceServerUpdateEvent event = event("VOICE_SERVER_UPDATE",
				"{\"token\":\"my_token\",\"guild_id\":\"41771983423143937\",\"endpoint\":null}",
				VoiceServerUpdateEvent.class);
		assertThat(event.getVoiceServer().token()).isEqualTo("my_token");
		assertThat(event.getVoiceServer().endpoint()).isNull();
	}

	@Test
	void guildMemberAddIsAMemberWithAGuildId() {
		GuildMember added = event("GUILD_MEMBER_ADD",
				"{\"guild_id\":\"5\",\"user\":{\"id\":\"6\",\"username\":\"new\"},\"roles\":[\"7\"],\"joined_at\":\"2015-04-26T06:26:56.936000+00:00\",\"deaf\":false,\"mute\":false,\"flags\":0}",
				GuildMemberAddEvent.class)
			.getMember();
		assertThat(added.guildId()).isEqualTo(Snowflake.of(5));
		assertThat(added.member().user().username()).isEqualTo("new");
		assertThat(added.member().roles()).containsExactly(Snowflake.of(7));
	}

	@Test
	void membersChunkEchoesUnknownIdsAsNumbers() {
		GuildMembersChunk chunk = event("GUILD_MEMBERS_CHUNK",
				"{\"guild_id\":\"5\",\"members\":[],\"chunk_index\":0,\"chunk_count\":1,\"not_found\":[123123],\"nonce\":\"n\"}",
				GuildMembersChunkEvent.class)
			.getChunk();
		assertThat(chunk.notFound()).containsExactly(Snowflake.of(123123));
		assertThat(chunk.chunkCount()).isEqualTo(1);
		assertThat(chunk.nonce()).isEqualTo("n");
	}

	@Test
	void makingAnEventDecodesNothing() {
		MessageCreateEvent event = event("MESSAGE_CREATE", "{not json", MessageCreateEvent.class);
		assertThat(event.getRawData()).isEqualTo("{not json");
		assertThatExceptionOfType(JacksonException.class).isThrownBy(event::getMessage);
	}

}
