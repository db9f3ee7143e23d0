package io.github.discordgateway.session;

import io.github.discordgateway.protocol.GatewayMessage;

/**
 * What a shard needs to resume its session: the id and resume URL from READY and the sequence of the last
 * dispatch handed to delivery (a Resume asks Discord to replay what follows it, so nothing handed over is
 * replayed and nothing not handed over is skipped).
 *
 * @param sessionId the session's id
 * @param resumeGatewayUrl the URL to resume on (bare: the query is added when connecting)
 * @param sequence the last sequence handed to delivery, or {@link GatewayMessage#NO_SEQUENCE}
 */
public record Session(String sessionId, String resumeGatewayUrl, long sequence) {

	/**
	 * This session after a later dispatch.
	 */
	public Session withSequence(long next) {
		return new Session(this.sessionId, this.resumeGatewayUrl, next);
	}

	@Override
	public String toString() {
		return "Session[" + this.sessionId + " at " + this.sequence + "]";
	}

}
