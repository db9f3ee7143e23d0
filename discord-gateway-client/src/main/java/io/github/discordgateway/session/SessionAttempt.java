package io.github.discordgateway.session;

/**
 * How a connection asked for its session.
 */
public enum SessionAttempt {

	/** Identify: a new session. */
	IDENTIFY,

	/** Resume: the session the shard had. */
	RESUME

}
