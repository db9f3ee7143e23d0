package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of the bot's application that READY sends.
 *
 * @param id the application's id
 * @param flags the application flags; bits 12-15 and 18-19 say which privileged intents are granted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartialApplication(Snowflake id, Long flags) {
}
