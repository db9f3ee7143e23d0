package io.github.discordgateway.model;


import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The type of the command an interaction invoked ({@code type} of interaction data).
 * A value Discord adds later is kept, not rejected: see {@link #isKnown()}.
 *
 * @param value the command type as sent
 */
public record ApplicationCommandType(@JsonValue int value) {

	public static final ApplicationCommandType CHAT_INPUT = new ApplicationCommandType(1);

	public static final ApplicationCommandType USER = new ApplicationCommandType(2);

	public static final ApplicationCommandType MESSAGE = new ApplicationCommandType(3);

	public static final ApplicationCommandType PRIMARY_ENTRY_POINT = new ApplicationCommandType(4);

	private static final Set<ApplicationCommandType> KNOWN = Set.of(CHAT_INPUT, USER, MESSAGE, PRIMARY_ENTRY_POINT);

	/**
	 * The command type with this value, named or not.
	 */
	@JsonCreator
	public static ApplicationCommandType of(int value) {
		return new ApplicationCommandType(value);
	}

	/**
	 * Whether the value is one of the named constants, that is, documented when this library was written.
	 */
	public boolean isKnown() {
		return KNOWN.contains(this);
	}

}
