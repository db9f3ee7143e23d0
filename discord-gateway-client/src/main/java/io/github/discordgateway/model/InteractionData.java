package io.github.discordgateway.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What an interaction invoked: a command (id, name, type, options, target), a component (custom id, component
 * type, selected values) or a modal (custom id, the inputs' components).
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
 * @param components what a submitted modal's inputs hold
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InteractionData(Snowflake id, String name, ApplicationCommandType type, List<InteractionOption> options,
		Snowflake guildId, Snowflake targetId, String customId, Integer componentType, List<String> values,
		List<SubmittedComponent> components) {

	/**
	 * What the user typed into a submitted modal's text input.
	 * @param customId the text input's {@code custom_id}
	 * @return the value, or {@code null} if the modal has no such input
	 */
	public String textInputValue(String customId) {
		return (this.components != null) ? find(this.components, customId) : null;
	}

	private static String find(List<SubmittedComponent> components, String customId) {
		for (SubmittedComponent component : components) {
			if (customId.equals(component.customId())) {
				return component.value();
			}
			List<SubmittedComponent> nested = (component.component() != null) ? List.of(component.component())
					: component.components();
			String found = (nested != null) ? find(nested, customId) : null;
			if (found != null) {
				return found;
			}
		}
		return null;
	}

}
