package io.github.discordgateway.autoconfigure;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.event.DispatchListener;

/**
 * Publishes each dispatch as a Spring application event, on the thread delivering the shard's events, so
 * {@code @EventListener} methods receive each shard's dispatches in sequence order.
 * <p>
 * Each dispatch is wrapped as Spring wraps any object it publishes (a {@link PayloadApplicationEvent}, the
 * publisher as its source), except that the event's generic type is made once per event class rather than
 * resolved anew for every event: Spring's listener cache is keyed by that type, and building and hashing it was a
 * good part of the cost of publishing.
 */
class ApplicationEventDispatchListener implements DispatchListener {

	private final ApplicationEventPublisher publisher;

	private final ClassValue<ResolvableType> eventTypes = new ClassValue<>() {

		@Override
		protected ResolvableType computeValue(Class<?> type) {
			return ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, type);
		}

	};

	ApplicationEventDispatchListener(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void onDispatch(DispatchEvent event) {
		this.publisher.publishEvent(new DispatchApplicationEvent(this.publisher, event,
				this.eventTypes.get(event.getClass())));
	}

	/** A dispatch as Spring would wrap it, with its type known in advance. */
	private static final class DispatchApplicationEvent extends PayloadApplicationEvent<DispatchEvent> {

		private final transient ResolvableType type;

		DispatchApplicationEvent(Object source, DispatchEvent payload, ResolvableType type) {
			super(source, payload, type.getGeneric());
			this.type = type;
		}

		@Override
		public ResolvableType getResolvableType() {
			return this.type;
		}

	}

}
