package io.github.discordgateway.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.protocol.CloseAction;
import io.github.discordgateway.protocol.Opcode;
import io.github.discordgateway.rest.GatewayBot;
import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.session.SessionAttempt;
import io.github.discordgateway.session.Shard;
import io.github.discordgateway.session.ShardActivity;
import io.github.discordgateway.session.ShardState;
import io.github.discordgateway.session.ShardStatus;
import io.github.discordgateway.sharding.ShardManager;
import io.github.discordgateway.transport.OversizeMessage;

/**
 * The gateway's meters, fed by the gateway as a {@link GatewayObserver} (every one has the tag {@code shard}
 * unless said otherwise):
 * <ul>
 * <li>{@code discord.gateway.heartbeat.latency} (timer): heartbeat to ACK round trip; percentiles and histogram
 * as configured with {@code management.metrics.distribution.*};</li>
 * <li>{@code discord.gateway.events} (counter; tag {@code type}): dispatches received;</li>
 * <li>{@code discord.gateway.events.queued} (gauge): dispatches waiting for listeners;</li>
 * <li>{@code discord.gateway.events.lag} (timer): from a dispatch's queueing, as it is read, to the end of the
 * listener's work on it;</li>
 * <li>{@code discord.gateway.listener.errors} (counter; tag {@code type}): listeners that threw;</li>
 * <li>{@code discord.gateway.received} (counter, bytes; tag {@code stage}: {@code wire} or
 * {@code decompressed}): what the gateway sent;</li>
 * <li>{@code discord.gateway.identifies} and {@code discord.gateway.resumes} (counters; tag {@code outcome}:
 * {@code success} or {@code failure}): sessions started and resumed, or not;</li>
 * <li>{@code discord.gateway.reconnects} (counter; tag {@code action}): resume or identify;</li>
 * <li>{@code discord.gateway.closes} (counter; tag {@code code}): closes the client did not start;</li>
 * <li>{@code discord.gateway.shard.state} (gauge; tag {@code state}): 1 for the shard's state, 0 for the
 * others;</li>
 * <li>{@code discord.gateway.last.dispatch.age} and {@code discord.gateway.last.ack.age} (gauges, seconds): time
 * since the last dispatch and the last heartbeat ACK (NaN before the first);</li>
 * <li>{@code discord.gateway.commands.sent} (counter; tag {@code op}) and {@code discord.gateway.commands.wait}
 * (timer; tag {@code op}): commands sent, and how long they waited for the session and the rate limiter;</li>
 * <li>{@code discord.gateway.commands.throttled} (timer; tag {@code op}): commands the connection's rate limiter
 * held at the head of the queue, with the wait it set;</li>
 * <li>{@code discord.gateway.session.start.limit.remaining} (gauge; no tag): identifies left before Discord's
 * limit resets, as of the bootstrap's {@code GET /gateway/bot}.</li>
 * </ul>
 * Meters the socket and delivery threads touch are looked up once, then cached: those paths do a map read.
 *
 * @since 0.1.0
 */
public class DiscordGatewayMetrics implements MeterBinder, GatewayObserver {

	private final Supplier<ShardManager> shardManager;

	private volatile MeterRegistry registry;

	private final Map<Integer, Map<String, Counter>> eventCounters = new ConcurrentHashMap<>();

	private final Map<Integer, Map<String, Counter>> listenerErrors = new ConcurrentHashMap<>();

	private final Map<Integer, Timer> latencyTimers = new ConcurrentHashMap<>();

	private final Map<Integer, Timer> lagTimers = new ConcurrentHashMap<>();

	private final Map<Integer, Counter[]> receivedBytes = new ConcurrentHashMap<>();

	private final Set<Integer> meteredShards = ConcurrentHashMap.newKeySet();

	/**
	 * @param shardManager the shards, for the gauges (asked lazily: the manager needs this observer first)
	 */
	public DiscordGatewayMetrics(Supplier<ShardManager> shardManager) {
		this.shardManager = shardManager;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder("discord.gateway.session.start.limit.remaining", this, DiscordGatewayMetrics::identifiesLeft)
			.description("Identifies left before Discord's session start limit resets, as of GET /gateway/bot")
			.register(registry);
	}

	private double identifiesLeft() {
		GatewayBot.SessionStartLimit limit = this.shardManager.get().sessionStartLimit();
		return (limit != null) ? limit.remaining() : Double.NaN;
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
			counter(this.eventCounters, current, event.getShardId(), event.getName(),
					(type) -> Counter.builder("discord.gateway.events")
						.description("Dispatches received from the gateway")
						.tag("shard", String.valueOf(event.getShardId()))
						.tag("type", type))
				.increment();
		}
	}

	@Override
	public void dispatchHandled(DispatchEvent event, Duration lag) {
		MeterRegistry current = this.registry;
		if (current != null) {
			this.lagTimers.computeIfAbsent(event.getShardId(), (id) -> lagTimer(current, id)).record(lag);
		}
	}

	@Override
	public void listenerFailed(DispatchEvent event, Throwable failure) {
		MeterRegistry current = this.registry;
		if (current != null) {
			counter(this.listenerErrors, current, event.getShardId(), event.getName(),
					(type) -> Counter.builder("discord.gateway.listener.errors")
						.description("Dispatches whose listener threw")
						.tag("shard", String.valueOf(event.getShardId()))
						.tag("type", type))
				.increment();
		}
	}

	private static Timer lagTimer(MeterRegistry registry, int shardId) {
		return Timer.builder("discord.gateway.events.lag")
			.description("From a dispatch's receipt to the end of the listener's work on it")
			.tag("shard", String.valueOf(shardId))
			.register(registry);
	}

	/** Plain map reads once the counter exists: this runs on the socket's and the delivery thread. */
	private static Counter counter(Map<Integer, Map<String, Counter>> cache, MeterRegistry registry, int shardId,
			String type, Function<String, Counter.Builder> builder) {
		Map<String, Counter> byType = cache.get(shardId);
		Counter counter = (byType != null) ? byType.get(type) : null;
		if (counter != null) {
			return counter;
		}
		return cache.computeIfAbsent(shardId, (id) -> new ConcurrentHashMap<>())
			.computeIfAbsent(type, (name) -> builder.apply(name).register(registry));
	}

	@Override
	public void bytesReceived(int shardId, int wireBytes, long decompressedBytes) {
		MeterRegistry current = this.registry;
		if (current != null) {
			Counter[] counters = this.receivedBytes.computeIfAbsent(shardId,
					(id) -> new Counter[] { bytesCounter(current, id, "wire"), bytesCounter(current, id, "decompressed") });
			counters[0].increment(wireBytes);
			counters[1].increment(decompressedBytes);
		}
	}

	private static Counter bytesCounter(MeterRegistry registry, int shardId, String stage) {
		return Counter.builder("discord.gateway.received")
			.description("Bytes received from the gateway, on the wire and decompressed")
			.baseUnit("bytes")
			.tag("shard", String.valueOf(shardId))
			.tag("stage", stage)
			.register(registry);
	}

	@Override
	public void sessionAttempted(int shardId, SessionAttempt attempt, boolean succeeded) {
		MeterRegistry current = this.registry;
		if (current != null) {
			boolean resume = attempt == SessionAttempt.RESUME;
			Counter.builder(resume ? "discord.gateway.resumes" : "discord.gateway.identifies")
				.description(resume ? "Resumes sent, by outcome" : "Identifies sent, by outcome")
				.tag("shard", String.valueOf(shardId))
				.tag("outcome", succeeded ? "success" : "failure")
				.register(current)
				.increment();
		}
	}

	@Override
	public void messageSkipped(int shardId, OversizeMessage message) {
		skipped(shardId, "oversize");
	}

	@Override
	public void malformedMessageSkipped(int shardId) {
		skipped(shardId, "malformed");
	}

	private void skipped(int shardId, String reason) {
		MeterRegistry current = this.registry;
		if (current != null) {
			Counter.builder("discord.gateway.messages.skipped")
				.description("Gateway messages skipped: over discord.gateway.max-message-size, or malformed")
				.tag("shard", String.valueOf(shardId))
				.tag("reason", reason)
				.register(current)
				.increment();
		}
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
				.tag("action", action.name().toLowerCase(Locale.ROOT))
				.register(current)
				.increment();
		}
	}

	@Override
	public void commandSent(int shardId, Opcode op, Duration waited) {
		MeterRegistry current = this.registry;
		if (current != null) {
			String opName = op.name().toLowerCase(Locale.ROOT);
			Timer.builder("discord.gateway.commands.wait")
				.description("Time commands waited for the session and the rate limiter")
				.tag("shard", String.valueOf(shardId))
				.tag("op", opName)
				.register(current)
				.record(waited);
			Counter.builder("discord.gateway.commands.sent")
				.description("Commands sent to the gateway")
				.tag("shard", String.valueOf(shardId))
				.tag("op", opName)
				.register(current)
				.increment();
		}
	}

	@Override
	public void rateLimited(int shardId, Opcode op, Duration wait) {
		MeterRegistry current = this.registry;
		if (current != null) {
			Timer.builder("discord.gateway.commands.throttled")
				.description("Waits the connection's rate limiter imposed on queued commands")
				.tag("shard", String.valueOf(shardId))
				.tag("op", op.name().toLowerCase(Locale.ROOT))
				.register(current)
				.record(wait);
		}
	}

	@Override
	public void statusChanged(ShardStatus status) {
		MeterRegistry current = this.registry;
		if (current != null && this.meteredShards.add(status.shardId())) {
			// A shard's meters exist from its first status on, so dashboards see it before its first ACK.
			registerShardMeters(current, status.shardId());
		}
	}

	private void registerShardMeters(MeterRegistry registry, int shardId) {
		String shard = String.valueOf(shardId);
		latencyTimer(registry, shardId);
		this.lagTimers.computeIfAbsent(shardId, (id) -> lagTimer(registry, id));
		Gauge.builder("discord.gateway.events.queued", () -> queueDepth(shardId))
			.description("Dispatches waiting for listeners")
			.tag("shard", shard)
			.register(registry);
		for (ShardState state : ShardState.values()) {
			Gauge.builder("discord.gateway.shard.state", () -> (stateOf(shardId) == state) ? 1 : 0)
				.description("1 for the state the shard is in, 0 for the others")
				.tag("shard", shard)
				.tag("state", state.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
		Gauge.builder("discord.gateway.last.dispatch.age", () -> seconds(activityOf(shardId), true))
			.description("Time since the shard's last dispatch")
			.baseUnit("seconds")
			.tag("shard", shard)
			.register(registry);
		Gauge.builder("discord.gateway.last.ack.age", () -> seconds(activityOf(shardId), false))
			.description("Time since the shard's last heartbeat ACK")
			.baseUnit("seconds")
			.tag("shard", shard)
			.register(registry);
	}

	private Shard shard(int shardId) {
		return this.shardManager.get().shard(shardId);
	}

	private int queueDepth(int shardId) {
		Shard shard = shard(shardId);
		return (shard != null) ? shard.queue().depth() : 0;
	}

	private ShardState stateOf(int shardId) {
		Shard shard = shard(shardId);
		return (shard != null) ? shard.status().state() : null;
	}

	private ShardActivity activityOf(int shardId) {
		Shard shard = shard(shardId);
		return (shard != null) ? shard.activity() : null;
	}

	private static double seconds(ShardActivity activity, boolean dispatch) {
		Duration age = (activity == null) ? null : dispatch ? activity.sinceLastDispatch() : activity.sinceLastAck();
		return (age != null) ? age.toNanos() / (double) TimeUnit.SECONDS.toNanos(1) : Double.NaN;
	}

}
