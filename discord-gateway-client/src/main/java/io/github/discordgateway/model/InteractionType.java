package io.github.discordgateway.model;


import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An interaction's type ({@code type} of an interaction object).
 * A value Discord adds later is kept, not rejected: see {@link #isKnown()}.
 *
 * @param value the interaction type as sent
 */
public record InteractionType(@JsonValue int value) {

	public static final InteractionType PING = new InteractionType(1);

	public static final InteractionType APPLICATION_COMMAND = new InteractionType(2);

	public static final InteractionType MESSAGE_COMPONENT = new InteractionType(3);

	public static final InteractionType APPLICATION_COMMAND_AUTOCOMPLETE = new InteractionType(4);

	public static final InteractionType MODAL_SUBMIT = new InteractionType(5);

	private static final Set<InteractionType> KNOWN = Set.of(PING, APPLICATION_COMMAND, MESSAGE_COMPONENT,
			APPLICATION_COMMAND_AUTOCOMPLETE, MODAL_SUBMIT);

	/**
	 * The interaction type with this value, named or not.
	 */
	@JsonCreator
	public static InteractionType of(int value) {
		return new InteractionType(value);
	}

	/**
	 * Whether the value is one of the named constants, that is, documented when this library was written.
	 */
	public boolean isKnown() {
		return KNOWN.contains(this);
	}

}
