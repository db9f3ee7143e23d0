package io.github.discordgateway.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The main fields of a message embed; read its fields, footer, images and the rest from the event's data node.
 *
 * @param title the title
 * @param type the embed type, e.g. {@code rich}
 * @param description the description
 * @param url the title's link
 * @param timestamp the timestamp shown in the footer
 * @param color the RGB colour of the side bar
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Embed(String title, String type, String description, String url, OffsetDateTime timestamp,
		Integer color) {
}
