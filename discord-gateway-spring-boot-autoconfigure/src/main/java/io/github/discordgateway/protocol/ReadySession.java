package io.github.discordgateway.protocol;

/**
 * The part of READY that a session keeps to resume later.
 *
 * @param sessionId the session's id
 * @param resumeGatewayUrl the URL to resume on (bare: the query is added when connecting)
 */
public record ReadySession(String sessionId, String resumeGatewayUrl) {
}
