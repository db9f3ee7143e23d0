package io.github.discordgateway.event;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Runs a listener inside an {@link Observation} per dispatch (see {@link DispatchObservationConvention}), so
 * tracing gives each event its span and what the listener throws is recorded on it (then thrown on, for the
 * delivery queue to log).
 */
public final class ObservedDispatchListener implements DispatchListener {

	private static final DispatchObservationConvention DEFAULT_CONVENTION = new DispatchObservationConvention();

	private final DispatchListener delegate;

	private final ObservationRegistry registry;

	/**
	 * @param delegate the listener
	 * @param registry where the observations go
	 */
	public ObservedDispatchListener(DispatchListener delegate, ObservationRegistry registry) {
		this.delegate = delegate;
		this.registry = registry;
	}

	@Override
	public void onDispatch(DispatchEvent event) {
		Observation.createNotStarted(null, DEFAULT_CONVENTION, () -> new DispatchObservationContext(event),
				this.registry)
			.observe(() -> this.delegate.onDispatch(event));
	}

}
