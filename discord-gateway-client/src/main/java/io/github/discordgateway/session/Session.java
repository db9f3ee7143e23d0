package io.github.discordgateway.session;

import io.github.discordgateway.protocol.GatewayMessage;

/**
 * What a shard needs to resume its session: the id and resume URL from READY, the sequence to resume from and
 * the shard count the session was identified with (a session of another shard count is never resumed: it carries
 * other guilds).
 * <p>
 * While the shard runs, the sequence is that of the last dispatch handed to delivery (a Resume asks Discord to
 * replay what follows it, so nothing handed over is replayed and nothing not handed over is skipped); a
 * {@link SessionStore} is given the sequence of the last dispatch whose listener finished, so that a process that
 * dies replays what it had not handled.
 *
 * @param sessionId the session's id
 * @param resumeGatewayUrl the URL to resume on (bare: the query is added when connecting)
 * @param sequence the last sequence handed to delivery (or, stored, delivered), or
 * {@link GatewayMessage#NO_SEQUENCE}
 * @param shardCount the number of shards the bot ran when the session was identified
 */
public record Session(String sessionId, String resumeGatewayUrl, long sequence, int shardCount) {

	/**
	 * This session after a later dispatch.
	 */
	public Session withSequence(long next) {
		return new Session(this.sessionId, this.resumeGatewayUrl, next, this.shardCount);
	}

	@Override
	public String toString() {
		return "Session[" + this.sessionId + " at " + this.sequence + " of " + this.shardCount + " shards]";
	}

}
