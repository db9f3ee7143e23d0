package io.github.discordgateway.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Every session the simulator started, and the bookkeeping that gates new ones: the session start limit
 * and the max_concurrency identify buckets.
 */
final class SessionRegistry {

	private final SimulatorOptions options;

	private final URI resumeGatewayUrl;

	private final Map<String, SessionState> sessions = new LinkedHashMap<>();

	/** Per identify bucket ({@code shard_id % max_concurrency}), when its last Identify was accepted. */
	private final Map<Integer, Long> lastIdentifyNanos = new HashMap<>();

	private int remaining;

	/** How many sessions {@link #awaitReady} has handed out, in creation order. */
	private int handedOut;

	SessionRegistry(SimulatorOptions options, URI resumeGatewayUrl) {
		this.options = options;
		this.resumeGatewayUrl = resumeGatewayUrl;
		this.remaining = options.sessionStartLimit().remaining();
	}

	/**
	 * Starts a session for a validated Identify: READY, then GUILD_CREATE for each guild of its shard.
	 * @return the session, or {@code null} if Discord would answer op 9 (start limit used up, or an Identify
	 * too soon after the last one in the same bucket)
	 */
	synchronized SessionState start(JsonNode identify, LiveConnection connection) {
		SimulatedSession.Shard shard = IdentifyValidator.shard(identify);
		int bucket = bucket((shard != null) ? shard.id() : 0);
		long now = System.nanoTime();
		if (!acceptsIdentify(bucket, now)) {
			return null;
		}
		this.remaining--;
		this.lastIdentifyNanos.put(bucket, now);
		String id = UUID.randomUUID().toString().replace("-", "");
		SessionState session = new SessionState(id, identify.deepCopy(), identify.get("intents").longValue(), shard,
				this.options.botUser().id());
		List<SimulatedGuild> guilds = this.options.guilds()
			.stream()
			.filter((guild) -> shard == null || shard.holds(guild.id()))
			.toList();
		session.attach(connection);
		session.dispatch("READY", Payloads.ready(this.options, id, this.resumeGatewayUrl, shard, guilds));
		Instant joinedAt = Instant.now();
		for (SimulatedGuild guild : guilds) {
			session.dispatch("GUILD_CREATE", Payloads.guildCreate(guild, this.options.botUser(), joinedAt));
		}
		this.sessions.put(id, session);
		notifyAll();
		return session;
	}

	/**
	 * Whether an Identify of this shard would start a session now: the start limit is not used up and the last
	 * Identify of its bucket is a window ago.
	 */
	synchronized boolean acceptsIdentify(int shardId) {
		return acceptsIdentify(bucket(shardId), System.nanoTime());
	}

	private boolean acceptsIdentify(int bucket, long nowNanos) {
		Long last = this.lastIdentifyNanos.get(bucket);
		return this.remaining > 0
				&& (last == null || nowNanos - last >= this.options.identifyWindow().toNanos());
	}

	private int bucket(int shardId) {
		return shardId % this.options.sessionStartLimit().maxConcurrency();
	}

	synchronized SessionState find(String sessionId) {
		return this.sessions.get(sessionId);
	}

	synchronized List<SessionState> all() {
		return new ArrayList<>(this.sessions.values());
	}

	synchronized int remaining() {
		return this.remaining;
	}

	/** Returns the oldest session no earlier call returned, waiting for one if needed. */
	SessionState awaitReady(Duration timeout) {
		return Waiting.until(this, timeout, () -> {
			if (this.sessions.size() <= this.handedOut) {
				return null;
			}
			return new ArrayList<>(this.sessions.values()).get(this.handedOut++);
		}, () -> "no new session became READY within " + timeout + "; sessions so far: " + this.sessions.size());
	}

}
