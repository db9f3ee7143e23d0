package io.github.discordgateway.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.discordgateway.rest.ratelimit.RateLimitObserver;

/**
 * The Discord REST client's meters, fed by its rate limiter as a {@link RateLimitObserver}:
 * <ul>
 * <li>{@code discord.rest.requests} (counter; tags {@code route}, {@code status}): responses, 429s included;</li>
 * <li>{@code discord.rest.rate.limited} (counter; tags {@code route}, {@code scope}): 429s by scope
 * ({@code user}, {@code global}, {@code shared});</li>
 * <li>{@code discord.rest.rate.limit.wait} (timer; tag {@code route}): how long requests waited for their bucket
 * or the global limit before they were sent.</li>
 * </ul>
 * Routes are templates such as {@code POST /channels/{channel_id}/messages}: no ids, no tokens.
 *
 * @since 0.1.0
 */
public class DiscordRestMetrics implements MeterBinder, RateLimitObserver {

	private volatile MeterRegistry registry;

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void responseReceived(String route, int status) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			registry.counter("discord.rest.requests", "route", route, "status", Integer.toString(status)).increment();
		}
	}

	@Override
	public void rateLimited(String route, String scope) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			registry.counter("discord.rest.rate.limited", "route", route, "scope", scope).increment();
		}
	}

	@Override
	public void waited(String route, Duration waited) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			registry.timer("discord.rest.rate.limit.wait", "route", route).record(waited);
		}
	}

}
