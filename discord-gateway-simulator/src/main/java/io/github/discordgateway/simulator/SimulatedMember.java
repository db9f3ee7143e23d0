package io.github.discordgateway.simulator;

import java.util.Objects;

/**
 * A member of a {@link SimulatedGuild} besides the bot, as Request Guild Members (op 8) finds it.
 *
 * @param userId snowflake id of the user
 * @param username the user's username (a member query matches its start)
 * @param status the presence status shown when presences are asked for: {@code online}, {@code idle},
 * {@code dnd} or {@code offline}
 */
public record SimulatedMember(String userId, String username, String status) {

	/**
	 * Validates the components.
	 */
	public SimulatedMember {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(status, "status");
	}

}
