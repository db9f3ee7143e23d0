package io.github.discordgateway.model;


import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A channel's type ({@code type} of a channel object).
 * A value Discord adds later is kept, not rejected: see {@link #isKnown()}.
 *
 * @param value the channel type as sent
 */
public record ChannelType(@JsonValue int value) {

	public static final ChannelType GUILD_TEXT = new ChannelType(0);

	public static final ChannelType DM = new ChannelType(1);

	public static final ChannelType GUILD_VOICE = new ChannelType(2);

	public static final ChannelType GROUP_DM = new ChannelType(3);

	public static final ChannelType GUILD_CATEGORY = new ChannelType(4);

	public static final ChannelType GUILD_ANNOUNCEMENT = new ChannelType(5);

	public static final ChannelType ANNOUNCEMENT_THREAD = new ChannelType(10);

	public static final ChannelType PUBLIC_THREAD = new ChannelType(11);

	public static final ChannelType PRIVATE_THREAD = new ChannelType(12);

	public static final ChannelType GUILD_STAGE_VOICE = new ChannelType(13);

	public static final ChannelType GUILD_DIRECTORY = new ChannelType(14);

	public static final ChannelType GUILD_FORUM = new ChannelType(15);

	public static final ChannelType GUILD_MEDIA = new ChannelType(16);

	private static final Set<ChannelType> KNOWN = Set.of(GUILD_TEXT, DM, GUILD_VOICE, GROUP_DM, GUILD_CATEGORY,
			GUILD_ANNOUNCEMENT, ANNOUNCEMENT_THREAD, PUBLIC_THREAD, PRIVATE_THREAD, GUILD_STAGE_VOICE, GUILD_DIRECTORY,
			GUILD_FORUM, GUILD_MEDIA);

	/**
	 * The channel type with this value, named or not.
	 */
	@JsonCreator
	public static ChannelType of(int value) {
		return new ChannelType(value);
	}

	/**
	 * Whether the value is one of the named constants, that is, documented when this library was written.
	 */
	public boolean isKnown() {
		return KNOWN.contains(this);
	}

}
