package io.github.discordgateway.event;

import java.util.Map;

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * Makes a typed event (such as {@link MessageCreateEvent}) for each dispatch this library models, and a plain
 * {@link DispatchEvent} for every other name, including names Discord adds later: no dispatch is dropped.
 * <p>
 * Listeners then choose by type: {@code @EventListener void on(MessageCreateEvent event)} gets only messages, while
 * a {@code DispatchEvent} listener still gets every event. Making a typed event costs what making a plain one does:
 * one map lookup, and no decoding until a listener asks for the data.
 */
public final class TypedDispatchEventFactory implements DispatchEventFactory {

	/** A typed event's constructor; the event class supplies its own name. */
	@FunctionalInterface
	private interface TypedEventConstructor {

		DispatchEvent create(int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json);

	}

	private static final Map<String, TypedEventConstructor> CONSTRUCTORS = Map.ofEntries(
			Map.entry("READY", ReadyEvent::new), Map.entry("RESUMED", ResumedEvent::new),
			Map.entry("GUILD_CREATE", GuildCreateEvent::new), Map.entry("GUILD_UPDATE", GuildUpdateEvent::new),
			Map.entry("GUILD_DELETE", GuildDeleteEvent::new), Map.entry("CHANNEL_CREATE", ChannelCreateEvent::new),
			Map.entry("CHANNEL_UPDATE", ChannelUpdateEvent::new), Map.entry("CHANNEL_DELETE", ChannelDeleteEvent::new),
			Map.entry("THREAD_CREATE", ThreadCreateEvent::new), Map.entry("THREAD_UPDATE", ThreadUpdateEvent::new),
			Map.entry("THREAD_DELETE", ThreadDeleteEvent::new),
			Map.entry("GUILD_MEMBER_ADD", GuildMemberAddEvent::new),
			Map.entry("GUILD_MEMBER_UPDATE", GuildMemberUpdateEvent::new),
			Map.entry("GUILD_MEMBER_REMOVE", GuildMemberRemoveEvent::new),
			Map.entry("GUILD_MEMBERS_CHUNK", GuildMembersChunkEvent::new),
			Map.entry("MESSAGE_CREATE", MessageCreateEvent::new), Map.entry("MESSAGE_UPDATE", MessageUpdateEvent::new),
			Map.entry("MESSAGE_DELETE", MessageDeleteEvent::new),
			Map.entry("MESSAGE_DELETE_BULK", MessageDeleteBulkEvent::new),
			Map.entry("MESSAGE_REACTION_ADD", MessageReactionAddEvent::new),
			Map.entry("MESSAGE_REACTION_REMOVE", MessageReactionRemoveEvent::new),
			Map.entry("INTERACTION_CREATE", InteractionCreateEvent::new),
			Map.entry("PRESENCE_UPDATE", PresenceUpdateEvent::new), Map.entry("TYPING_START", TypingStartEvent::new),
			Map.entry("VOICE_STATE_UPDATE", VoiceStateUpdateEvent::new),
			Map.entry("VOICE_SERVER_UPDATE", VoiceServerUpdateEvent::new));

	private final GatewayJson json;

	/**
	 * @param json the codec the events decode their data with
	 */
	public TypedDispatchEventFactory(GatewayJson json) {
		this.json = json;
	}

	@Override
	public DispatchEvent create(String name, int shardId, long sequence, boolean replayed, RawJson data) {
		// A dispatch without a 't' is malformed but still delivered; the immutable map rejects a null key.
		TypedEventConstructor constructor = (name != null) ? CONSTRUCTORS.get(name) : null;
		return (constructor != null) ? constructor.create(shardId, sequence, replayed, data, this.json)
				: new DispatchEvent(name, shardId, sequence, replayed, data, this.json);
	}

}
