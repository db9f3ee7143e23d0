package io.github.discordgateway.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An emoji: a custom one (with an id) or a Unicode one (id null). In reactions it is partial, and its name is null
 * when the custom emoji was deleted.
 *
 * @param id the custom emoji's id, null for Unicode emoji
 * @param name the name, or the Unicode character(s)
 * @param roles the roles allowed to use it
 * @param user who created it
 * @param managed whether an integration manages it
 * @param animated whether it is animated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Emoji(Snowflake id, String name, List<Snowflake> roles, User user, Boolean managed, Boolean animated) {
}
