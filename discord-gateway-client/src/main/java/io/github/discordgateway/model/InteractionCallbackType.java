package io.github.discordgateway.model;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a bot answers an interaction: the {@code type} of an interaction response
 * ({@code POST /interactions/{id}/{token}/callback}). A value Discord adds later is kept: see {@link #isKnown()}.
 *
 * @param value the callback type as sent
 */
public record InteractionCallbackType(@JsonValue int value) {

	/** Acknowledges a PING (HTTP interactions only). */
	public static final InteractionCallbackType PONG = new InteractionCallbackType(1);

	/** Answers with a message. */
	public static final InteractionCallbackType CHANNEL_MESSAGE_WITH_SOURCE = new InteractionCallbackType(4);

	/** Acknowledges now and answers later by editing the original response; the user sees "thinking". */
	public static final InteractionCallbackType DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = new InteractionCallbackType(5);

	/** For components: acknowledges now and edits the message later; the user sees nothing. */
	public static final InteractionCallbackType DEFERRED_UPDATE_MESSAGE = new InteractionCallbackType(6);

	/** For components: edits the message the component belongs to. */
	public static final InteractionCallbackType UPDATE_MESSAGE = new InteractionCallbackType(7);

	/** For autocomplete: the suggested choices. */
	public static final InteractionCallbackType APPLICATION_COMMAND_AUTOCOMPLETE_RESULT = new InteractionCallbackType(
			8);

	/** Opens a modal (not as an answer to a modal submit). */
	public static final InteractionCallbackType MODAL = new InteractionCallbackType(9);

	/** Launches the application's activity. */
	public static final InteractionCallbackType LAUNCH_ACTIVITY = new InteractionCallbackType(12);

	private static final Set<InteractionCallbackType> KNOWN = Set.of(PONG, CHANNEL_MESSAGE_WITH_SOURCE,
			DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE, DEFERRED_UPDATE_MESSAGE, UPDATE_MESSAGE,
			APPLICATION_COMMAND_AUTOCOMPLETE_RESULT, MODAL, LAUNCH_ACTIVITY);

	/**
	 * The callback type with this value, named or not.
	 */
	@JsonCreator
	public static InteractionCallbackType of(int value) {
		return new InteractionCallbackType(value);
	}

	/**
	 * Whether the value is one of the named constants, that is, documented when this library was written.
	 */
	public boolean isKnown() {
		return KNOWN.contains(this);
	}

}
