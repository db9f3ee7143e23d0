package io.github.discordgateway.session;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.discordgateway.protocol.Opcode;
import io.github.discordgateway.transport.TransportConnection;
import io.github.discordgateway.transport.ratelimit.GatewayRateLimiter;

/**
 * A shard's outbound commands (presence, voice state, member requests...): kept in order until a session is
 * ready, then sent as fast as the connection's {@link GatewayRateLimiter} allows. The queue outlives connections
 * (and a resumable stop): what a lost connection did not send goes out on the next ready one. A command whose
 * send fails goes back to the head of the queue rather than count as sent (so it may reach Discord twice, never
 * zero times); a command's future fails only when the queue is {@linkplain #closeForGood closed for good} (the
 * shard logs out or stops for good, or the client closes), so no caller waits forever.
 * <p>
 * It has its own lock, which it never holds while calling out: futures complete and the observer hears of sent
 * commands on the callback executor.
 */
final class CommandQueue {

	private final int shardId;

	private final Scheduler scheduler;

	private final Executor callbacks;

	private final GatewayObserver observer;

	private final Deque<Command> commands = new ArrayDeque<>();

	private TransportConnection connection;

	private GatewayRateLimiter rateLimiter;

	private Scheduler.Cancellable pendingDrain = Scheduler.Cancellable.NONE;

	private String closedForGood;

	/** The command the observer last heard was held by the rate limiter: each held command is told once. */
	private Command reportedAsHeld;

	/**
	 * @param shardId the shard, for the observer
	 * @param scheduler time, and the timer that waits for the rate limit
	 * @param callbacks where futures complete and the observer is told
	 * @param observer hears of each command sent
	 */
	CommandQueue(int shardId, Scheduler scheduler, Executor callbacks, GatewayObserver observer) {
		this.shardId = shardId;
		this.scheduler = scheduler;
		this.callbacks = callbacks;
		this.observer = observer;
	}

	/**
	 * Queues a command.
	 * @return completes when the command is on the wire; fails if the queue is closed for good first
	 */
	synchronized CompletableFuture<Void> add(Opcode op, String payload) {
		if (this.closedForGood != null) {
			return CompletableFuture.failedFuture(new IllegalStateException(this.closedForGood));
		}
		Command command = new Command(op, payload, new CompletableFuture<>(), this.scheduler.nanoTime());
		this.commands.add(command);
		drain();
		return command.sent();
	}

	/**
	 * A session is ready on this connection: commands may go.
	 */
	synchronized void open(TransportConnection connection, GatewayRateLimiter rateLimiter) {
		this.connection = connection;
		this.rateLimiter = rateLimiter;
		this.closedForGood = null;
		drain();
	}

	/**
	 * The connection is gone: commands wait for the next ready one.
	 */
	synchronized void pause() {
		this.connection = null;
		this.rateLimiter = null;
		this.pendingDrain.cancel();
	}

	/**
	 * Fails every queued command, and every command added until the next {@link #open}.
	 */
	synchronized void closeForGood(String why) {
		pause();
		this.closedForGood = why;
		Command command;
		while ((command = this.commands.poll()) != null) {
			CompletableFuture<Void> sent = command.sent();
			this.callbacks.execute(() -> sent.completeExceptionally(new IllegalStateException(why)));
		}
	}

	/**
	 * Reopens a queue closed for good (the shard starts again); commands wait for a ready session.
	 */
	synchronized void reopen() {
		this.closedForGood = null;
	}

	private void drain() {
		while (!this.commands.isEmpty() && this.connection != null) {
			Command next = this.commands.peek();
			boolean presence = next.op() == Opcode.PRESENCE_UPDATE;
			long wait = presence ? this.rateLimiter.nanosUntilPresenceUpdatePermitted()
					: this.rateLimiter.nanosUntilCommandPermitted();
			if (wait > 0 || !(presence ? this.rateLimiter.tryAcquirePresenceUpdate()
					: this.rateLimiter.tryAcquireCommand())) {
				this.pendingDrain.cancel();
				Duration delay = Duration.ofNanos(Math.max(wait, 1_000_000));
				this.pendingDrain = this.scheduler.schedule(this::drainLater, delay);
				if (this.reportedAsHeld != next) {
					this.reportedAsHeld = next;
					this.callbacks.execute(() -> this.observer.rateLimited(this.shardId, next.op(), delay));
				}
				return;
			}
			this.commands.poll();
			if (!this.connection.send(next.payload())) {
				// The connection is closing: the command waits for the next ready one.
				this.commands.addFirst(next);
				pause();
				return;
			}
			Duration waited = Duration.ofNanos(this.scheduler.nanoTime() - next.enqueuedAt());
			this.callbacks.execute(() -> {
				try {
					this.observer.commandSent(this.shardId, next.op(), waited);
				}
				finally {
					next.sent().complete(null);
				}
			});
		}
	}

	private synchronized void drainLater() {
		drain();
	}

	private record Command(Opcode op, String payload, CompletableFuture<Void> sent, long enqueuedAt) {
	}

}
