package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A user a message mentions: a user object that, in a guild, also carries the user's partial {@code member}.
 *
 * @param user the user, read from the same JSON object
 * @param member the user's membership, without {@code user}; absent outside guilds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MentionedUser(@JsonUnwrapped User user, Member member) {
}
