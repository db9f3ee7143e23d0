package io.github.discordgateway.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.JsonNode;

/**
 * A command option as the user filled it in: either a value, or a subcommand (group) with options of its own.
 *
 * @param name the option's name
 * @param type the option type, which says what kind {@code value} is
 * @param value the value: a string, integer, double or boolean (ids come as strings)
 * @param options a subcommand's options
 * @param focused in autocomplete, whether the user is typing this option
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InteractionOption(String name, ApplicationCommandOptionType type, JsonNode value,
		List<InteractionOption> options, Boolean focused) {
}
