package io.github.discordgateway.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.protocol.CloseAction;
import io.github.discordgateway.protocol.Opcode;
import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.session.ShardStatus;
import io.github.discordgateway.sharding.ShardManager;

/**
 * The gateway's meters, fed by the gateway as a {@link GatewayObserver}:
 * <ul>
 * <li>{@code discord.gateway.heartbeat.latency} (timer; tag {@code shard}): heartbeat to ACK round trip;</li>
 * <li>{@code discord.gateway.events} (counter; tags {@code shard}, {@code type}): dispatches received;</li>
 * <li>{@code discord.gateway.reconnects} (counter; tags {@code shard}, {@code action}): resume or identify;</li>
 * <li>{@code discord.gateway.closes} (counter; tags {@code shard}, {@code code}): closes the client did not
 * start;</li>
 * <li>{@code discord.gateway.events.queued} (gauge; tag {@code shard}): dispatches waiting for listeners;</li>
 * <li>{@code discord.gateway.commands.wait} (timer; tags {@code shard}, {@code op}): how long commands waited
 * for the session and the rate limiter before going out.</li>
 * </ul>
 * Meters are looked up once per shard and event name, then cached: the dispatch path does a map read.
 *
 * @since 0.1.0
 */
public class DiscordGatewayMetrics implements MeterBinder, GatewayObserver {

	private final Supplier<ShardManager> shardManager;

	private volatile MeterRegistry registry;

	private final Map<Integer, Map<String, Counter>> eventCounters = new ConcurrentHashMap<>();

	private final Map<Integer, Timer> latencyTimers = new ConcurrentHashMap<>();

	private final Set<Integer> meteredShards = ConcurrentHashMap.newKeySet();

	/**
	 * @param shardManager the shards, for the queue gauges (asked lazily: the manager needs this observer first)
	 */
	public DiscordGatewayMetrics(Supplier<ShardManager> shardManager) {
		this.shardManager = shardManager;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void heartbeatAcknowledged(int shardId, Duration latency) {
		MeterRegistry current = this.registry;
		if (current != null) {
			latencyTimer(current, shardId).record(latency);
		}
	}

	private Timer latencyTimer(MeterRegistry registry, int shardId) {
		return this.latencyTimers.computeIfAbsent(shardId, (id) -> Timer.builder("discord.gateway.heartbeat.latency")
			.description("Round trip between a gateway heartbeat and its ACK")
			.tag("shard", String.valueOf(id))
			.register(registry));
	}

	@Override
	public void dispatchReceived(DispatchEvent event) {
		MeterRegistry current = this.registry;
		if (current != null) {
			// Runs on the socket's thread: plain map reads once the counter exists.
			Map<String, Counter> counters = this.eventCounters.get(event.getShardId());
			Counter counter = (counters != null) ? counters.get(event.getName()) : null;
			((counter != null) ? counter : eventCounter(current, event.getShardId(), event.getName())).increment();
		}
	}

	private Counter eventCounter(MeterRegistry registry, int shardId, String name) {
		return this.eventCounters.computeIfAbsent(shardId, (id) -> new ConcurrentHashMap<>())
			.computeIfAbsent(name, (type) -> Counter.builder("discord.gateway.events")
				.description("Dispatches received from the gateway")
				.tag("shard", String.valueOf(shardId))
				.tag("type", type)
				.register(registry));
	}

	@Override
	public void connectionClosed(int shardId, int closeCode) {
		MeterRegistry current = this.registry;
		if (current != null) {
			Counter.builder("discord.gateway.closes")
				.description("Gateway connections closed by the gateway or the network")
				.tag("shard", String.valueOf(shardId))
				.tag("code", String.valueOf(closeCode))
				.register(current)
				.increment();
		}
	}

	@Override
	public void reconnecting(int shardId, CloseAction action) {
		MeterRegistry current = this.registry;
		if (current != null) {
			Counter.builder("discord.gateway.reconnects")
				.description("Reconnects, to resume the session or to identify anew")
				.tag("shard", String.valueOf(shardId))
				.tag("action", action.name().toLowerCase(java.util.Locale.ROOT))
				.register(current)
				.increment();
		}
	}

	@Override
	public void commandSent(int shardId, Opcode op, Duration waited) {
		MeterRegistry current = this.registry;
		if (current != null) {
			Timer.builder("discord.gateway.commands.wait")
				.description("Time commands waited for the session and the rate limiter")
				.tag("shard", String.valueOf(shardId))
				.tag("op", op.name().toLowerCase(java.util.Locale.ROOT))
				.register(current)
				.record(waited);
		}
	}

	@Override
	public void statusChanged(ShardStatus status) {
		MeterRegistry current = this.registry;
		if (current != null && this.meteredShards.add(status.shardId())) {
			// A shard's meters exist from its first status on, so dashboards see it before its first ACK.
			int shardId = status.shardId();
			latencyTimer(current, shardId);
			Gauge.builder("discord.gateway.events.queued", () -> queueDepth(shardId))
				.description("Dispatches waiting for listeners")
				.tag("shard", String.valueOf(shardId))
				.register(current);
		}
	}

	private int queueDepth(int shardId) {
		var shard = this.shardManager.get().shard(shardId);
		return (shard != null) ? shard.queue().depth() : 0;
	}

}
