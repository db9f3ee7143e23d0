package io.github.discordgateway.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The thread-only part of a channel.
 *
 * @param archived whether the thread is archived
 * @param autoArchiveDuration minutes of inactivity after which it archives itself
 * @param archiveTimestamp when its archived state last changed
 * @param locked whether only moderators can unarchive it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ThreadMetadata(Boolean archived, Integer autoArchiveDuration, OffsetDateTime archiveTimestamp,
		Boolean locked) {
}
