package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A user's status per platform; a platform is absent when the user is offline or invisible there.
 *
 * @param desktop the desktop app's status
 * @param mobile the mobile app's status
 * @param web the browser's (and bot users') status
 * @param vr the VR app's status
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientStatus(String desktop, String mobile, String web, String vr) {
}
