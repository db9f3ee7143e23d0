package io.github.discordgateway.session;

import java.time.Duration;

import io.github.discordgateway.event.DispatchQueue;

/**
 * How a shard hands dispatches to the listener, and how often it records how far the listener got.
 *
 * @param queueCapacity dispatches that may wait for the listener before the reader is paused
 * @param queueMaxBytes bytes of dispatch data that may wait for the listener before the reader is paused
 * @param stuckListenerThreshold how long the listener may be busy with one event before it is reported stuck
 * @param sessionSaveInterval how often the sequence the listener reached is saved to the {@link SessionStore}
 * (besides at READY, RESUMED and stop)
 */
public record DeliverySettings(int queueCapacity, long queueMaxBytes, Duration stuckListenerThreshold,
		Duration sessionSaveInterval) {

	/** How long the listener may be busy with one event before it is reported stuck, unless configured. */
	public static final Duration DEFAULT_STUCK_LISTENER_THRESHOLD = Duration.ofSeconds(30);

	/** How often the delivered sequence is saved unless configured. */
	public static final Duration DEFAULT_SESSION_SAVE_INTERVAL = Duration.ofSeconds(1);

	/**
	 * A queue of the given capacity, and the defaults for the rest: {@link DispatchQueue#DEFAULT_MAX_BYTES},
	 * {@link #DEFAULT_STUCK_LISTENER_THRESHOLD} and {@link #DEFAULT_SESSION_SAVE_INTERVAL}.
	 */
	public static DeliverySettings withQueueCapacity(int queueCapacity) {
		return new DeliverySettings(queueCapacity, DispatchQueue.DEFAULT_MAX_BYTES, DEFAULT_STUCK_LISTENER_THRESHOLD,
				DEFAULT_SESSION_SAVE_INTERVAL);
	}

}
