package io.github.discordgateway.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of an interaction response, {@code POST /interactions/{id}/{token}/callback}, which Discord wants
 * within 3 seconds of the INTERACTION_CREATE. Post it with the {@code discordRestClient} to
 * {@link io.github.discordgateway.event.InteractionCreateEvent#getCallbackPath()}.
 *
 * @param type how the bot answers
 * @param data the message, choices or modal; {@code null} for the deferred types
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionResponse(InteractionCallbackType type, Map<String, Object> data) {

	/** Message flag that shows a message only to the user who invoked the interaction. */
	private static final int EPHEMERAL = 1 << 6;

	/**
	 * Copies the data, so the response is immutable.
	 */
	public InteractionResponse {
		data = (data != null) ? Map.copyOf(data) : null;
	}

	/** Answers with a message everyone in the channel sees. */
	public static InteractionResponse message(String content) {
		return new InteractionResponse(InteractionCallbackType.CHANNEL_MESSAGE_WITH_SOURCE,
				Map.of("content", content));
	}

	/** Answers with a message only the invoking user sees. */
	public static InteractionResponse ephemeralMessage(String content) {
		return new InteractionResponse(InteractionCallbackType.CHANNEL_MESSAGE_WITH_SOURCE,
				Map.of("content", content, "flags", EPHEMERAL));
	}

	/** Acknowledges now (the user sees "thinking"); edit the original response within 15 minutes. */
	public static InteractionResponse deferredMessage() {
		return new InteractionResponse(InteractionCallbackType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE, null);
	}

	/** For a component: acknowledges now and edits its message later. */
	public static InteractionResponse deferredUpdate() {
		return new InteractionResponse(InteractionCallbackType.DEFERRED_UPDATE_MESSAGE, null);
	}

	/** For a component: replaces the content of its message. */
	public static InteractionResponse updateMessage(String content) {
		return new InteractionResponse(InteractionCallbackType.UPDATE_MESSAGE, Map.of("content", content));
	}

	/**
	 * Opens a modal with one short text input per label.
	 * @param customId the modal's id, which the MODAL_SUBMIT interaction carries back
	 * @param title the modal's title
	 * @param inputs text input ids to their labels, in order
	 */
	public static InteractionResponse modal(String customId, String title, Map<String, String> inputs) {
		List<Map<String, Object>> rows = inputs.entrySet()
			.stream()
			.map((input) -> Map.<String, Object>of("type", 1, "components", List.of(Map.of("type", 4, "custom_id",
					input.getKey(), "label", input.getValue(), "style", 1))))
			.toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("custom_id", customId);
		data.put("title", title);
		data.put("components", rows);
		return new InteractionResponse(InteractionCallbackType.MODAL, data);
	}

}
