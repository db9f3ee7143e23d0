package io.github.discordgateway.simulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a session without the privileged MESSAGE_CONTENT intent sees of a message (GATEWAY.md section 13):
 * {@code content}, {@code embeds}, {@code attachments}, {@code components} and {@code poll} arrive empty, except
 * in direct messages, messages the bot sent and messages that mention the bot.
 */
final class MessageContent {

	private MessageContent() {
	}

	/**
	 * The dispatch data as this session receives it.
	 * @return {@code d} itself, or a blanked copy
	 */
	static JsonNode visibleTo(long intents, String botUserId, String event, JsonNode d) {
		boolean message = event.equals("MESSAGE_CREATE") || event.equals("MESSAGE_UPDATE");
		if (!message || (intents & Intents.MESSAGE_CONTENT) != 0 || !d.isObject() || !d.hasNonNull("guild_id")
				|| botUserId.equals(d.path("author").path("id").asString("")) || mentions(d, botUserId)) {
			return d;
		}
		ObjectNode blanked = ((ObjectNode) d).deepCopy();
		if (blanked.has("content")) {
			blanked.put("content", "");
		}
		for (String list : new String[] { "embeds", "attachments", "components" }) {
			if (blanked.has(list)) {
				blanked.putArray(list);
			}
		}
		blanked.remove("poll");
		return blanked;
	}

	private static boolean mentions(JsonNode d, String botUserId) {
		for (JsonNode user : d.path("mentions")) {
			if (botUserId.equals(user.path("id").asString(""))) {
				return true;
			}
		}
		return false;
	}

}
