package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A file attached to a message.
 *
 * @param id the attachment's id
 * @param filename the file name
 * @param description the alt text, if set
 * @param contentType the media type, if known
 * @param size the size in bytes
 * @param url where to download it
 * @param proxyUrl the same file through Discord's media proxy
 * @param height an image's or video's height
 * @param width an image's or video's width
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Attachment(Snowflake id, String filename, String description, String contentType, Long size, String url,
		String proxyUrl, Integer height, Integer width) {
}
