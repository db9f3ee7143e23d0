package io.github.discordgateway.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.github.discordgateway.rest.ratelimit.RateLimitObserver;

/**
 * Tells every {@link RateLimitObserver} bean, in order.
 */
final class CompositeRateLimitObserver implements RateLimitObserver {

	private final List<RateLimitObserver> observers;

	CompositeRateLimitObserver(List<RateLimitObserver> observers) {
		this.observers = List.copyOf(observers);
	}

	@Override
	public void responseReceived(String route, int status) {
		this.observers.forEach((observer) -> observer.responseReceived(route, status));
	}

	@Override
	public void rateLimited(String route, String scope) {
		this.observers.forEach((observer) -> observer.rateLimited(route, scope));
	}

	@Override
	public void waited(String route, Duration waited) {
		this.observers.forEach((observer) -> observer.waited(route, waited));
	}

}
