package io.github.discordgateway.session;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How a shard connects, and reconnects when a connection fails or a session is given up.
 *
 * @param compress the transport compression query value, or {@code null} for none
 * @param helloTimeout how long a connection attempt may take to bring Hello before it is given up and retried
 * @param backoff waits between failed connection attempts
 * @param invalidSessionDelayMin the shortest wait before identifying after an Invalid Session
 * @param invalidSessionDelayMax the longest such wait
 * @param maxFailedResumes resumes refused in a row (after Hello) after which the session is given up for a new
 * Identify
 */
public record ConnectionSettings(String compress, Duration helloTimeout, Backoff backoff,
		Duration invalidSessionDelayMin, Duration invalidSessionDelayMax, int maxFailedResumes) {

	/** How long a connection may take to bring Hello unless configured. */
	public static final Duration DEFAULT_HELLO_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * The reconnect policy these settings describe.
	 * @param random uniform values in [0, 1), for the op 9 wait
	 */
	public ReconnectPolicy reconnectPolicy(DoubleSupplier random) {
		return new ReconnectPolicy(this.backoff, this.invalidSessionDelayMin, this.invalidSessionDelayMax,
				this.maxFailedResumes, random);
	}

}
