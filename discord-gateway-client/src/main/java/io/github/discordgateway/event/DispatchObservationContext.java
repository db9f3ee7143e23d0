package io.github.discordgateway.event;

import io.micrometer.observation.Observation;

/**
 * What an {@link Observation} of one listener dispatch knows: the event.
 */
public class DispatchObservationContext extends Observation.Context {

	private final DispatchEvent event;

	public DispatchObservationContext(DispatchEvent event) {
		this.event = event;
	}

	public DispatchEvent getEvent() {
		return this.event;
	}

}
