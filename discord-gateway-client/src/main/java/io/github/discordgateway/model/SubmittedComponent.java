package io.github.discordgateway.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A component as a modal submit carries it back: an action row or label holding others, or a text input or select
 * with what the user entered.
 *
 * @param type the component type (1 action row, 3 string select, 4 text input, 18 label, ...)
 * @param id the component's numeric id within the modal
 * @param customId the developer-defined id of an input
 * @param value what the user typed into a text input
 * @param values what the user chose in a select
 * @param components the components an action row holds
 * @param component the component a label holds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubmittedComponent(Integer type, Integer id, String customId, String value, List<String> values,
		List<SubmittedComponent> components, SubmittedComponent component) {
}
