package io.github.discordgateway.model;

import java.util.Objects;

/**
 * An activity a bot shows in its presence (bots may set its name, state, type and url).
 *
 * @param type what kind of activity
 * @param name the activity's name
 * @param state the text of a custom status, or {@code null}
 * @param url the stream URL of a streaming activity (Twitch or YouTube), or {@code null}
 */
public record BotActivity(ActivityType type, String name, String state, String url) {

	/**
	 * Validates the components.
	 */
	public BotActivity {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(name, "name");
	}

	/** "Playing {name}". */
	public static BotActivity playing(String name) {
		return new BotActivity(ActivityType.PLAYING, name, null, null);
	}

	/** "Listening to {name}". */
	public static BotActivity listening(String name) {
		return new BotActivity(ActivityType.LISTENING, name, null, null);
	}

	/** "Watching {name}". */
	public static BotActivity watching(String name) {
		return new BotActivity(ActivityType.WATCHING, name, null, null);
	}

	/** "Competing in {name}". */
	public static BotActivity competing(String name) {
		return new BotActivity(ActivityType.COMPETING, name, null, null);
	}

	/** "Streaming {name}", linking to a Twitch or YouTube URL. */
	public static BotActivity streaming(String name, String url) {
		return new BotActivity(ActivityType.STREAMING, name, null, url);
	}

	/** A custom status: just the text. */
	public static BotActivity custom(String text) {
		return new BotActivity(ActivityType.CUSTOM, "Custom Status", text, null);
	}

}
