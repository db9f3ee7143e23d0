package io.github.discordgateway.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The presence a bot shows, for {@link io.github.discordgateway.command.DiscordGateway#updatePresence(BotPresence)}.
 *
 * @param status online, idle, do not disturb or invisible
 * @param activities what the bot is doing (Discord shows the first)
 * @param afk whether the bot is away
 * @param idleSince since when the bot is idle, or {@code null}
 */
public record BotPresence(Status status, List<BotActivity> activities, boolean afk, Instant idleSince) {

	/**
	 * Validates the components and copies the activities.
	 */
	public BotPresence {
		Objects.requireNonNull(status, "status");
		activities = List.copyOf(activities);
	}

	/** Online, doing something. */
	public static BotPresence online(BotActivity activity) {
		return new BotPresence(Status.ONLINE, List.of(activity), false, null);
	}

	/** A status and no activity. */
	public static BotPresence of(Status status) {
		return new BotPresence(status, List.of(), false, null);
	}

	/**
	 * A status a bot can set.
	 */
	public enum Status {

		/** Online (green). */
		ONLINE("online"),

		/** Idle (yellow moon). */
		IDLE("idle"),

		/** Do not disturb (red). */
		DND("dnd"),

		/** Shown as offline while connected. */
		INVISIBLE("invisible");

		private final String value;

		Status(String value) {
			this.value = value;
		}

		/** The status as Discord writes it, e.g. {@code dnd}. */
		public String value() {
			return this.value;
		}

	}

}
