package io.github.discordgateway.model;


import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An activity's type ({@code type} of an activity object).
 * A value Discord adds later is kept, not rejected: see {@link #isKnown()}.
 *
 * @param value the activity type as sent
 */
public record ActivityType(@JsonValue int value) {

	public static final ActivityType PLAYING = new ActivityType(0);

	public static final ActivityType STREAMING = new ActivityType(1);

	public static final ActivityType LISTENING = new ActivityType(2);

	public static final ActivityType WATCHING = new ActivityType(3);

	public static final ActivityType CUSTOM = new ActivityType(4);

	public static final ActivityType COMPETING = new ActivityType(5);

	private static final Set<ActivityType> KNOWN = Set.of(PLAYING, STREAMING, LISTENING, WATCHING, CUSTOM, COMPETING);

	/**
	 * The activity type with this value, named or not.
	 */
	@JsonCreator
	public static ActivityType of(int value) {
		return new ActivityType(value);
	}

	/**
	 * Whether the value is one of the named constants, that is, documented when this library was written.
	 */
	public boolean isKnown() {
		return KNOWN.contains(this);
	}

}
