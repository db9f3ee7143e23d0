package io.github.discordgateway.simulator;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Intent bits and which dispatch events each one gates (GATEWAY.md section 13, gateway-v10.json
 * {@code dispatchEvents}). A test checks these tables against the shared protocol file.
 */
final class Intents {

	static final long GUILDS = 1L << 0;

	static final long GUILD_MEMBERS = 1L << 1;

	static final long GUILD_MODERATION = 1L << 2;

	static final long GUILD_EXPRESSIONS = 1L << 3;

	static final long GUILD_INTEGRATIONS = 1L << 4;

	static final long GUILD_WEBHOOKS = 1L << 5;

	static final long GUILD_INVITES = 1L << 6;

	static final long GUILD_VOICE_STATES = 1L << 7;

	static final long GUILD_PRESENCES = 1L << 8;

	static final long GUILD_MESSAGES = 1L << 9;

	static final long GUILD_MESSAGE_REACTIONS = 1L << 10;

	static final long GUILD_MESSAGE_TYPING = 1L << 11;

	static final long DIRECT_MESSAGES = 1L << 12;

	static final long DIRECT_MESSAGE_REACTIONS = 1L << 13;

	static final long DIRECT_MESSAGE_TYPING = 1L << 14;

	static final long MESSAGE_CONTENT = 1L << 15;

	static final long GUILD_SCHEDULED_EVENTS = 1L << 16;

	static final long AUTO_MODERATION_CONFIGURATION = 1L << 20;

	static final long AUTO_MODERATION_EXECUTION = 1L << 21;

	static final long GUILD_MESSAGE_POLLS = 1L << 24;

	static final long DIRECT_MESSAGE_POLLS = 1L << 25;

	/** Every documented bit; any other bit in Identify closes with 4013. */
	static final long DOCUMENTED = GUILDS | GUILD_MEMBERS | GUILD_MODERATION | GUILD_EXPRESSIONS | GUILD_INTEGRATIONS
			| GUILD_WEBHOOKS | GUILD_INVITES | GUILD_VOICE_STATES | GUILD_PRESENCES | GUILD_MESSAGES
			| GUILD_MESSAGE_REACTIONS | GUILD_MESSAGE_TYPING | DIRECT_MESSAGES | DIRECT_MESSAGE_REACTIONS
			| DIRECT_MESSAGE_TYPING | MESSAGE_CONTENT | GUILD_SCHEDULED_EVENTS
			| AUTO_MODERATION_CONFIGURATION | AUTO_MODERATION_EXECUTION | GUILD_MESSAGE_POLLS
			| DIRECT_MESSAGE_POLLS;

	/** The privileged intents; each needs portal enablement or Identify closes with 4014. */
	static final long PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT;

	/** The intents that gate the direct-message flavour of an event that exists in guilds and DMs. */
	private static final long DIRECT = DIRECT_MESSAGES | DIRECT_MESSAGE_REACTIONS | DIRECT_MESSAGE_TYPING
			| DIRECT_MESSAGE_POLLS;

	/** Event name to the intents that enable it (any one is enough); events not listed are always sent. */
	static final Map<String, Long> GATED_EVENTS = Map.ofEntries(
			Map.entry("AUTO_MODERATION_RULE_CREATE", AUTO_MODERATION_CONFIGURATION),
			Map.entry("AUTO_MODERATION_RULE_UPDATE", AUTO_MODERATION_CONFIGURATION),
			Map.entry("AUTO_MODERATION_RULE_DELETE", AUTO_MODERATION_CONFIGURATION),
			Map.entry("AUTO_MODERATION_ACTION_EXECUTION", AUTO_MODERATION_EXECUTION),
			Map.entry("CHANNEL_CREATE", GUILDS),
			Map.entry("CHANNEL_UPDATE", GUILDS),
			Map.entry("CHANNEL_DELETE", GUILDS),
			Map.entry("CHANNEL_PINS_UPDATE", GUILDS | DIRECT_MESSAGES),
			Map.entry("THREAD_CREATE", GUILDS),
			Map.entry("THREAD_UPDATE", GUILDS),
			Map.entry("THREAD_DELETE", GUILDS),
			Map.entry("THREAD_LIST_SYNC", GUILDS),
			Map.entry("THREAD_MEMBER_UPDATE", GUILDS),
			Map.entry("THREAD_MEMBERS_UPDATE", GUILDS | GUILD_MEMBERS),
			Map.entry("GUILD_CREATE", GUILDS),
			Map.entry("GUILD_UPDATE", GUILDS),
			Map.entry("GUILD_DELETE", GUILDS),
			Map.entry("GUILD_AUDIT_LOG_ENTRY_CREATE", GUILD_MODERATION),
			Map.entry("GUILD_BAN_ADD", GUILD_MODERATION),
			Map.entry("GUILD_BAN_REMOVE", GUILD_MODERATION),
			Map.entry("GUILD_EMOJIS_UPDATE", GUILD_EXPRESSIONS),
			Map.entry("GUILD_STICKERS_UPDATE", GUILD_EXPRESSIONS),
			Map.entry("GUILD_INTEGRATIONS_UPDATE", GUILD_INTEGRATIONS),
			Map.entry("GUILD_MEMBER_ADD", GUILD_MEMBERS),
			Map.entry("GUILD_MEMBER_REMOVE", GUILD_MEMBERS),
			Map.entry("GUILD_MEMBER_UPDATE", GUILD_MEMBERS),
			Map.entry("GUILD_ROLE_CREATE", GUILDS),
			Map.entry("GUILD_ROLE_UPDATE", GUILDS),
			Map.entry("GUILD_ROLE_DELETE", GUILDS),
			Map.entry("GUILD_SCHEDULED_EVENT_CREATE", GUILD_SCHEDULED_EVENTS),
			Map.entry("GUILD_SCHEDULED_EVENT_UPDATE", GUILD_SCHEDULED_EVENTS),
			Map.entry("GUILD_SCHEDULED_EVENT_DELETE", GUILD_SCHEDULED_EVENTS),
			Map.entry("GUILD_SCHEDULED_EVENT_USER_ADD", GUILD_SCHEDULED_EVENTS),
			Map.entry("GUILD_SCHEDULED_EVENT_USER_REMOVE", GUILD_SCHEDULED_EVENTS),
			Map.entry("GUILD_SOUNDBOARD_SOUND_CREATE", GUILD_EXPRESSIONS),
			Map.entry("GUILD_SOUNDBOARD_SOUND_UPDATE", GUILD_EXPRESSIONS),
			Map.entry("GUILD_SOUNDBOARD_SOUND_DELETE", GUILD_EXPRESSIONS),
			Map.entry("GUILD_SOUNDBOARD_SOUNDS_UPDATE", GUILD_EXPRESSIONS),
			Map.entry("INTEGRATION_CREATE", GUILD_INTEGRATIONS),
			Map.entry("INTEGRATION_UPDATE", GUILD_INTEGRATIONS),
			Map.entry("INTEGRATION_DELETE", GUILD_INTEGRATIONS),
			Map.entry("INVITE_CREATE", GUILD_INVITES),
			Map.entry("INVITE_DELETE", GUILD_INVITES),
			Map.entry("MESSAGE_CREATE", GUILD_MESSAGES | DIRECT_MESSAGES),
			Map.entry("MESSAGE_UPDATE", GUILD_MESSAGES | DIRECT_MESSAGES),
			Map.entry("MESSAGE_DELETE", GUILD_MESSAGES | DIRECT_MESSAGES),
			Map.entry("MESSAGE_DELETE_BULK", GUILD_MESSAGES),
			Map.entry("MESSAGE_REACTION_ADD", GUILD_MESSAGE_REACTIONS | DIRECT_MESSAGE_REACTIONS),
			Map.entry("MESSAGE_REACTION_REMOVE", GUILD_MESSAGE_REACTIONS | DIRECT_MESSAGE_REACTIONS),
			Map.entry("MESSAGE_REACTION_REMOVE_ALL", GUILD_MESSAGE_REACTIONS | DIRECT_MESSAGE_REACTIONS),
			Map.entry("MESSAGE_REACTION_REMOVE_EMOJI", GUILD_MESSAGE_REACTIONS | DIRECT_MESSAGE_REACTIONS),
			Map.entry("PRESENCE_UPDATE", GUILD_PRESENCES),
			Map.entry("STAGE_INSTANCE_CREATE", GUILDS),
			Map.entry("STAGE_INSTANCE_UPDATE", GUILDS),
			Map.entry("STAGE_INSTANCE_DELETE", GUILDS),
			Map.entry("TYPING_START", GUILD_MESSAGE_TYPING | DIRECT_MESSAGE_TYPING),
			Map.entry("VOICE_CHANNEL_EFFECT_SEND", GUILD_VOICE_STATES),
			Map.entry("VOICE_CHANNEL_START_TIME_UPDATE", GUILDS),
			Map.entry("VOICE_CHANNEL_STATUS_UPDATE", GUILDS),
			Map.entry("VOICE_STATE_UPDATE", GUILD_VOICE_STATES),
			Map.entry("WEBHOOKS_UPDATE", GUILD_WEBHOOKS),
			Map.entry("MESSAGE_POLL_VOTE_ADD", GUILD_MESSAGE_POLLS | DIRECT_MESSAGE_POLLS),
			Map.entry("MESSAGE_POLL_VOTE_REMOVE", GUILD_MESSAGE_POLLS | DIRECT_MESSAGE_POLLS));

	private Intents() {
	}

	/**
	 * Whether Discord would send this dispatch to a session identified with these intents. Events that
	 * exist in guilds and DMs are gated by the guild intent when {@code d} has a {@code guild_id} and by the
	 * DM intent otherwise; GUILD_MEMBER_UPDATE about the bot itself needs no intent.
	 */
	static boolean delivers(long intents, String event, JsonNode d, String botUserId) {
		Long gate = GATED_EVENTS.get(event);
		if (gate == null) {
			return true;
		}
		long mask = gate;
		boolean guildAndDirect = (mask & DIRECT) != 0 && (mask & ~DIRECT) != 0;
		if (guildAndDirect) {
			mask = d.hasNonNull("guild_id") ? (mask & ~DIRECT) : (mask & DIRECT);
		}
		if (event.equals("GUILD_MEMBER_UPDATE") && botUserId.equals(d.path("user").path("id").asString(""))) {
			return true;
		}
		return (intents & mask) != 0;
	}

}
