package io.github.discordgateway.session;

import java.time.Duration;

/**
 * The "connected but deaf" watchdog: a session whose heartbeats are acknowledged but that brings no dispatch for
 * a while. Quiet bots exist, so it is off unless a silence is set.
 *
 * @param silence how long without a dispatch (while ACKs arrive) counts as deaf, or {@code null} for off
 * @param resume whether a deaf shard resumes its session on a new connection (otherwise it is only reported)
 */
public record DispatchWatchdog(Duration silence, boolean resume) {

	/** No watchdog. */
	public static final DispatchWatchdog OFF = new DispatchWatchdog(null, false);

	public DispatchWatchdog {
		if (silence != null && (silence.isNegative() || silence.isZero())) {
			throw new IllegalArgumentException("dispatch silence must be positive, was " + silence);
		}
	}

	/**
	 * Whether the watchdog watches.
	 */
	public boolean isOn() {
		return this.silence != null;
	}

}
