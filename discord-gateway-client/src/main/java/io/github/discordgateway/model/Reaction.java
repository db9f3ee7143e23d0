package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The reactions with one emoji on a message.
 *
 * @param count how many users reacted with it, super-reactions included
 * @param me whether the bot reacted with it
 * @param meBurst whether the bot super-reacted with it
 * @param emoji the emoji (partial)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reaction(Integer count, Boolean me, Boolean meBurst, Emoji emoji) {
}
