package io.github.discordgateway.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What an interaction invoked: a command (id, name, type, options, target) or a component (custom id, component
 * type, selected values).
 *
 * @param id the command's id
 * @param name the command's name
 * @param type the command type
 * @param options the options the user filled in (or the subcommand chosen)
 * @param guildId the guild the command is registered in, for guild commands
 * @param targetId the user or message a context-menu command was used on
 * @param customId the developer-defined id of the component or modal
 * @param componentType the component type (2 button, 3 string select, ...)
 * @param values the values chosen in a select menu
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InteractionData(Snowflake id, String name, ApplicationCommandType type, List<InteractionOption> options,
		Snowflake guildId, Snowflake targetId, String customId, Integer componentType, List<String> values) {
}
