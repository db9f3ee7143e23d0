package io.github.discordgateway.model;


import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The type of a command option ({@code type} of an interaction data option).
 * A value Discord adds later is kept, not rejected: see {@link #isKnown()}.
 *
 * @param value the option type as sent
 */
public record ApplicationCommandOptionType(@JsonValue int value) {

	public static final ApplicationCommandOptionType SUB_COMMAND = new ApplicationCommandOptionType(1);

	public static final ApplicationCommandOptionType SUB_COMMAND_GROUP = new ApplicationCommandOptionType(2);

	public static final ApplicationCommandOptionType STRING = new ApplicationCommandOptionType(3);

	public static final ApplicationCommandOptionType INTEGER = new ApplicationCommandOptionType(4);

	public static final ApplicationCommandOptionType BOOLEAN = new ApplicationCommandOptionType(5);

	public static final ApplicationCommandOptionType USER = new ApplicationCommandOptionType(6);

	public static final ApplicationCommandOptionType CHANNEL = new ApplicationCommandOptionType(7);

	public static final ApplicationCommandOptionType ROLE = new ApplicationCommandOptionType(8);

	public static final ApplicationCommandOptionType MENTIONABLE = new ApplicationCommandOptionType(9);

	public static final ApplicationCommandOptionType NUMBER = new ApplicationCommandOptionType(10);

	public static final ApplicationCommandOptionType ATTACHMENT = new ApplicationCommandOptionType(11);

	private static final Set<ApplicationCommandOptionType> KNOWN = Set.of(SUB_COMMAND, SUB_COMMAND_GROUP, STRING,
			INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER, ATTACHMENT);

	/**
	 * The option type with this value, named or not.
	 */
	@JsonCreator
	public static ApplicationCommandOptionType of(int value) {
		return new ApplicationCommandOptionType(value);
	}

	/**
	 * Whether the value is one of the named constants, that is, documented when this library was written.
	 */
	public boolean isKnown() {
		return KNOWN.contains(this);
	}

}
