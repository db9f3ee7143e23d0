package io.github.discordgateway.autoconfigure;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ClassUtils;

/**
 * Decides whether listener dispatches are observed ({@code discord.gateway.delivery.observation-enabled}). Unset,
 * they are when Micrometer Tracing is on the class path, the only case where an observation per event gives what
 * nothing else does (a span that the listener's own calls nest under). With meters only, Boot's default handlers
 * start a timer and a long task timer per observation, which costs nearly as much as reading the message, while
 * {@code discord.gateway.events.lag} already times listener work. Spring Kafka and Spring AMQP also leave their
 * listener observations off unless asked.
 */
final class DispatchObservations {

	private static final String TRACER = "io.micrometer.tracing.Tracer";

	private DispatchObservations() {
	}

	/**
	 * The registry the client observes dispatches with: the application's, or {@link ObservationRegistry#NOOP}.
	 */
	static ObservationRegistry registry(DiscordProperties.Delivery delivery, ObjectProvider<ObservationRegistry> registry,
			ClassLoader classLoader) {
		Boolean enabled = delivery.getObservationEnabled();
		boolean observe = (enabled != null) ? enabled : ClassUtils.isPresent(TRACER, classLoader);
		return observe ? registry.getIfAvailable(() -> ObservationRegistry.NOOP) : ObservationRegistry.NOOP;
	}

}
