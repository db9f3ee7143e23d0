package io.github.discordgateway.protocol;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Gateway intents: the event groups a session subscribes to in Identify.
 */
public enum Intent {

	GUILDS(0, false), GUILD_MEMBERS(1, true), GUILD_MODERATION(2, false), GUILD_EXPRESSIONS(3, false),
	GUILD_INTEGRATIONS(4, false), GUILD_WEBHOOKS(5, false), GUILD_INVITES(6, false), GUILD_VOICE_STATES(7, false),
	GUILD_PRESENCES(8, true), GUILD_MESSAGES(9, false), GUILD_MESSAGE_REACTIONS(10, false),
	GUILD_MESSAGE_TYPING(11, false), DIRECT_MESSAGES(12, false), DIRECT_MESSAGE_REACTIONS(13, false),
	DIRECT_MESSAGE_TYPING(14, false), MESSAGE_CONTENT(15, true), GUILD_SCHEDULED_EVENTS(16, false),
	AUTO_MODERATION_CONFIGURATION(20, false), AUTO_MODERATION_EXECUTION(21, false), GUILD_MESSAGE_POLLS(24, false),
	DIRECT_MESSAGE_POLLS(25, false);

	private final int bit;

	private final boolean privileged;

	Intent(int bit, boolean privileged) {
		this.bit = bit;
		this.privileged = privileged;
	}

	public int bit() {
		return this.bit;
	}

	public long value() {
		return 1L << this.bit;
	}

	/**
	 * Whether the intent must be enabled in the developer portal (Discord closes with 4014 otherwise).
	 */
	public boolean privileged() {
		return this.privileged;
	}

	/**
	 * Every intent that needs no portal switch: what a bot gets unless it asks for more.
	 */
	public static Set<Intent> nonPrivileged() {
		Set<Intent> intents = EnumSet.noneOf(Intent.class);
		for (Intent intent : values()) {
			if (!intent.privileged) {
				intents.add(intent);
			}
		}
		return intents;
	}

	/**
	 * The Identify bitfield for these intents.
	 */
	public static long bitfield(Collection<Intent> intents) {
		long bits = 0;
		for (Intent intent : intents) {
			bits |= intent.value();
		}
		return bits;
	}

}
