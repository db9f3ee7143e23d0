package io.github.discordgateway.autoconfigure;

import org.springframework.context.ApplicationEventPublisher;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.event.DispatchListener;

/**
 * Publishes each dispatch as a Spring application event, on the shard's delivery thread, so
 * {@code @EventListener} methods receive them in sequence order.
 */
class ApplicationEventDispatchListener implements DispatchListener {

	private final ApplicationEventPublisher publisher;

	ApplicationEventDispatchListener(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void onDispatch(DispatchEvent event) {
		this.publisher.publishEvent(event);
	}

}
