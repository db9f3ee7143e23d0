package io.github.discordgateway.rest.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A request as Discord's rate limits see it: the method and path template (ids replaced, which names the route
 * in meters and errors) and the major parameters (channel, guild, webhook or interaction id and token) that
 * split one route's bucket into many.
 *
 * @param template e.g. {@code POST /channels/{channel_id}/messages}; holds no id and no token
 * @param majorParameters the major parameter values joined, empty when the route has none; holds webhook and
 * interaction tokens, so it is never logged or shown
 * @param global whether the request counts towards the bot's global limit (interaction endpoints do not)
 */
public record Route(String template, String majorParameters, boolean global) {

	private static final Set<String> TOKEN_BEARING = Set.of("webhooks", "interactions");

	/**
	 * Reads the route of a request.
	 * @param method the HTTP method
	 * @param path the path below the API base, e.g. {@code /channels/123/messages}
	 * @return the route
	 */
	public static Route of(String method, String path) {
		String[] segments = path.split("/");
		List<String> template = new ArrayList<>(segments.length);
		StringBuilder major = new StringBuilder();
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i];
			String previous = (i > 0) ? segments[i - 1] : "";
			String beforePrevious = (i > 1) ? segments[i - 2] : "";
			if (i == 2 && (previous.equals("channels") || previous.equals("guilds"))) {
				template.add("{" + previous.substring(0, previous.length() - 1) + "_id}");
				major.append(previous).append('=').append(segment).append(';');
			}
			else if (i == 2 && TOKEN_BEARING.contains(previous)) {
				template.add("{" + singular(previous) + "_id}");
				major.append(previous).append('=').append(segment).append(';');
			}
			else if (i == 3 && TOKEN_BEARING.contains(beforePrevious)) {
				template.add("{" + singular(beforePrevious) + "_token}");
				major.append(segment).append(';');
			}
			else if (previous.equals("reactions")) {
				template.add("{emoji}");
			}
			else if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
				template.add("{id}");
			}
			else {
				template.add(segment);
			}
		}
		return new Route(method + " " + String.join("/", template), major.toString(),
				!path.startsWith("/interactions/"));
	}

	private static String singular(String collection) {
		return collection.substring(0, collection.length() - 1);
	}

	@Override
	public String toString() {
		return this.template;
	}

}
