package io.github.discordgateway.protocol;

/**
 * The data of Resume (op 6), which continues a session on a new connection.
 *
 * @param token the bot token (bare, without "Bot ")
 * @param sessionId the session's id from READY
 * @param seq the last sequence received
 */
public record Resume(String token, String sessionId, long seq) {

	@Override
	public String toString() {
		return "Resume[sessionId=" + this.sessionId + ", seq=" + this.seq + "]";
	}

}
