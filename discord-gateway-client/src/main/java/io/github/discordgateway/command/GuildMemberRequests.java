package io.github.discordgateway.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.model.GuildMembersChunk;
import io.github.discordgateway.model.Member;
import io.github.discordgateway.model.Presence;
import io.github.discordgateway.model.Snowflake;
import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.session.Scheduler;
import tools.jackson.databind.JsonNode;

/**
 * Matches GUILD_MEMBERS_CHUNK and RATE_LIMITED dispatches to the member requests that caused them, by nonce.
 * It listens on the socket's thread (as a {@link GatewayObserver}), so a listener that waits for members never
 * blocks the delivery of the chunks it waits for. The futures complete on the callback executor: never on the
 * socket's thread, nor on the scheduler's, which runs the timeouts and the heartbeats.
 */
public final class GuildMemberRequests implements GatewayObserver {

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final Scheduler scheduler;

	private final Duration timeout;

	private final Executor callbacks;

	/**
	 * @param scheduler for the timeouts
	 * @param timeout how long a request may wait for its chunks
	 * @param callbacks where the futures complete (e.g. a {@link io.github.discordgateway.session.CallbackExecutor})
	 */
	public GuildMemberRequests(Scheduler scheduler, Duration timeout, Executor callbacks) {
		this.scheduler = scheduler;
		this.timeout = timeout;
		this.callbacks = callbacks;
	}

	/**
	 * A fresh nonce for a request (32 bytes: Discord drops longer ones silently).
	 */
	static String newNonce() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * Registers a request that carries its {@linkplain #newNonce nonce}, and starts its timeout.
	 */
	void register(RequestGuildMembers request, CompletableFuture<GuildMembers> result) {
		String nonce = request.nonce();
		Pending entry = new Pending(request.guildId(), result);
		this.pending.put(nonce, entry);
		Scheduler.Cancellable expiry = this.scheduler.schedule(() -> {
			if (this.pending.remove(nonce) != null) {
				TimeoutException timedOut = new TimeoutException("No member chunks for guild " + request.guildId()
						+ " within " + this.timeout.toMillis() + " ms (check the GUILD_MEMBERS intent)");
				this.callbacks.execute(() -> result.completeExceptionally(timedOut));
			}
		}, this.timeout);
		result.whenComplete((members, failure) -> {
			expiry.cancel();
			this.pending.remove(nonce);
		});
	}

	@Override
	public void dispatchReceived(DispatchEvent event) {
		if ("GUILD_MEMBERS_CHUNK".equals(event.getName())) {
			chunk(event.data(GuildMembersChunk.class));
		}
		else if ("RATE_LIMITED".equals(event.getName())) {
			rateLimited(event.getDataNode());
		}
	}

	private void chunk(GuildMembersChunk chunk) {
		Pending entry = (chunk.nonce() != null) ? this.pending.get(chunk.nonce()) : null;
		if (entry == null) {
			return;
		}
		boolean complete;
		synchronized (entry) {
			addAll(entry.members, chunk.members());
			addAll(entry.presences, chunk.presences());
			addAll(entry.notFound, chunk.notFound());
			entry.chunksSeen++;
			complete = entry.chunksSeen >= ((chunk.chunkCount() != null) ? chunk.chunkCount() : 1);
		}
		if (complete && this.pending.remove(chunk.nonce()) != null) {
			GuildMembers members = new GuildMembers(Snowflake.of(entry.guildId), List.copyOf(entry.members),
					List.copyOf(entry.notFound), List.copyOf(entry.presences));
			this.callbacks.execute(() -> entry.result.complete(members));
		}
	}

	private static <T> void addAll(List<T> target, List<T> source) {
		if (source != null) {
			target.addAll(source);
		}
	}

	private void rateLimited(JsonNode data) {
		Pending entry = this.pending.remove(data.path("meta").path("nonce").asString(""));
		if (entry != null) {
			long retryAfterMillis = (long) (data.path("retry_after").asDouble(0) * 1000);
			GatewayRateLimitedException refused = new GatewayRateLimitedException(data.path("opcode").asInt(),
					Duration.ofMillis(retryAfterMillis));
			this.callbacks.execute(() -> entry.result.completeExceptionally(refused));
		}
	}

	private static final class Pending {

		final String guildId;

		final CompletableFuture<GuildMembers> result;

		final List<Member> members = new ArrayList<>();

		final List<Presence> presences = new ArrayList<>();

		final List<Snowflake> notFound = new ArrayList<>();

		int chunksSeen;

		Pending(String guildId, CompletableFuture<GuildMembers> result) {
			this.guildId = guildId;
			this.result = result;
		}

	}

}
