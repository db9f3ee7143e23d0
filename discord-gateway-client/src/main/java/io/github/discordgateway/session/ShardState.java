package io.github.discordgateway.session;

/**
 * Where a shard's session stands.
 */
public enum ShardState {

	/** Not started, or stopped on purpose. */
	STOPPED,

	/** Opening a connection and waiting for Hello. */
	CONNECTING,

	/** Identify sent (or waiting for its turn); waiting for READY. */
	IDENTIFYING,

	/** Resume sent; waiting for the replay and RESUMED. */
	RESUMING,

	/** The session is live: dispatches flow. */
	READY,

	/** The connection was lost; waiting before the next attempt. */
	RECONNECT_WAIT,

	/** Stopped for good by a close code that retrying cannot fix; the status says what to change. */
	FATAL

}
