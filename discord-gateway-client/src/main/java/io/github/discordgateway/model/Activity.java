package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a user is doing: playing, streaming, listening, watching, a custom status or competing.
 *
 * @param name the activity's name
 * @param type the activity type
 * @param url the stream URL (streaming only)
 * @param createdAt when the activity was added to the session, in Unix milliseconds
 * @param details what the player is doing
 * @param state the party status, or the text of a custom status
 * @param applicationId the game's application id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Activity(String name, ActivityType type, String url, Long createdAt, String details, String state,
		Snowflake applicationId) {
}
