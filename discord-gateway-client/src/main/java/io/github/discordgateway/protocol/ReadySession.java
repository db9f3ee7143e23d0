package io.github.discordgateway.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of READY that a session keeps to resume later.
 *
 * @param sessionId the session's id
 * @param resumeGatewayUrl the URL to resume on (bare: the query is added when connecting)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReadySession(String sessionId, String resumeGatewayUrl) {
}
