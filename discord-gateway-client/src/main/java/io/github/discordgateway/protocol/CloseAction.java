package io.github.discordgateway.protocol;

/**
 * What a client does after the gateway closed its connection.
 */
public enum CloseAction {

	/** Reconnect to the resume URL and send Resume: the session lives on. */
	RESUME,

	/** Reconnect and start a new session with Identify. */
	IDENTIFY,

	/** Do not reconnect: the configuration must be fixed first. */
	STOP

}
