package io.github.discordgateway.session;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.event.DispatchEventFactory;
import io.github.discordgateway.event.DispatchQueue;
import io.github.discordgateway.protocol.CloseAction;
import io.github.discordgateway.protocol.CloseCode;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.GatewayMessage;
import io.github.discordgateway.protocol.Hello;
import io.github.discordgateway.protocol.Identify;
import io.github.discordgateway.protocol.Opcode;
import io.github.discordgateway.protocol.ReadySession;
import io.github.discordgateway.protocol.Resume;
import io.github.discordgateway.transport.GatewayTransport;
import io.github.discordgateway.transport.GatewayUrl;
import io.github.discordgateway.transport.TransportConnection;
import io.github.discordgateway.transport.OutboundPayloadSize;
import io.github.discordgateway.transport.OversizeMessage;
import io.github.discordgateway.transport.TransportHandler;
import io.github.discordgateway.transport.ratelimit.GatewayRateLimiter;

/**
 * One shard's gateway session: its connection, its state machine, its heartbeat and the delivery of its events.
 *
 * <h2>Receive flow</h2>
 * <ol>
 * <li>The transport assembles (and decompresses) a whole message on its I/O thread.</li>
 * <li>The {@link OpcodeDispatcher} reads its envelope and routes it by opcode; a malformed message or an unknown
 * opcode is logged and skipped.</li>
 * <li>Hello starts a fresh {@link Heartbeater} and sends Resume when a session can be resumed, Identify otherwise
 * (when the {@link IdentifyLimiter} allows).</li>
 * <li>A Dispatch moves the sequence forward (never back: a replayed duplicate is dropped), keeps READY's session
 * id and resume URL, marks the shard ready on READY or RESUMED, and is queued for delivery.</li>
 * <li>The shard's {@link DispatchQueue} thread hands each event to the listener, in sequence order.</li>
 * <li>ACKs feed latency to the observer; op 1 gets a beat at once; op 7 and op 9 reconnect (below).</li>
 * </ol>
 *
 * <h2>Send flow</h2>
 * <ol>
 * <li>Heartbeats go out from the scheduler's thread, straight to the connection, carrying the last sequence;
 * they are never delayed (the connection's {@link GatewayRateLimiter} keeps room for them).</li>
 * <li>Identify and Resume go out on Hello, first on their connection; the payloads are never logged (they
 * carry the token).</li>
 * <li>Commands ({@link #send}) are checked against the 4096-byte limit at once, then queued in order until
 * the session is ready and the rate limiter has room (120 per 60 s per connection, presence 5 per 20 s);
 * queued commands survive reconnects and go out on the next ready connection.</li>
 * </ol>
 *
 * <h2>When the connection ends</h2>
 * <ol>
 * <li>A close the shard did not start is looked up in {@link CloseCode}: resume, identify anew, or stop for good
 * ({@link ShardState#FATAL}, with what to fix in the status). Unknown codes and dropped connections resume.</li>
 * <li>Reconnects wait per {@link Backoff} (the first is immediate); READY or RESUMED resets the count. After
 * {@code maxFailedResumes} failed resumes the session is given up and the shard identifies anew.</li>
 * <li>When the shard itself closes (zombie connection, op 7, op 9, shutdown) it uses a code other than 1000/1001,
 * which would end the session at Discord, except when logging out.</li>
 * </ol>
 * Every connection has a generation number: callbacks from an abandoned connection are ignored.
 */
public final class Shard {

	/** The close code the shard uses when it means to resume: outside Discord's codes, not 1000/1001. */
	public static final int RESUMABLE_CLOSE_CODE = 4900;

	private static final Logger logger = LoggerFactory.getLogger(Shard.class);

	private final ShardSettings settings;

	private final GatewayTransport transport;

	private final Scheduler scheduler;

	private final GatewayJson json;

	private final IdentifyLimiter identifyLimiter;

	private final GatewayObserver observer;

	private final Supplier<String> gatewayUrl;

	private final DispatchEventFactory events;

	private final DispatchQueue queue;

	private final OpcodeDispatcher dispatcher;

	private final DoubleSupplier random;

	private ShardState state = ShardState.STOPPED;

	private int generation;

	private volatile TransportConnection connection;

	private Heartbeater heartbeater;

	private ReadySession session;

	private volatile long lastSequence = GatewayMessage.NO_SEQUENCE;

	private boolean connectionIsResume;

	private int failedAttempts;

	private int failedResumes;

	private Integer lastCloseCode;

	private String reason;

	private Scheduler.Cancellable pending = Scheduler.Cancellable.NONE;

	private volatile GatewayRateLimiter rateLimiter;

	private final Queue<OutboundCommand> outbound = new ArrayDeque<>();

	private Scheduler.Cancellable pendingDrain = Scheduler.Cancellable.NONE;

	/**
	 * @param settings how the shard identifies and behaves
	 * @param collaborators the transport, time and codec it runs on
	 * @param queue the delivery of its dispatches
	 */
	public Shard(ShardSettings settings, Collaborators collaborators, DispatchQueue queue) {
		this.settings = settings;
		this.transport = collaborators.transport();
		this.scheduler = collaborators.scheduler();
		this.json = collaborators.json();
		this.identifyLimiter = collaborators.identifyLimiter();
		this.observer = collaborators.observer();
		this.gatewayUrl = collaborators.gatewayUrl();
		this.events = collaborators.events();
		this.random = collaborators.random();
		this.queue = queue;
		this.dispatcher = new OpcodeDispatcher(this.json, settings.shardId(), this.observer);
	}

	/**
	 * What a shard runs on, shared by every shard of a client.
	 *
	 * @param transport opens connections
	 * @param scheduler time and timers
	 * @param json the codec
	 * @param identifyLimiter when Identify may be sent
	 * @param observer metrics and health
	 * @param gatewayUrl the gateway URL to identify on (asked each time: it may be refreshed)
	 * @param events makes the event object for each dispatch
	 * @param random uniform values in [0, 1), for jitter
	 */
	public record Collaborators(GatewayTransport transport, Scheduler scheduler, GatewayJson json,
			IdentifyLimiter identifyLimiter, GatewayObserver observer, Supplier<String> gatewayUrl,
			DispatchEventFactory events, DoubleSupplier random) {
	}

	public int shardId() {
		return this.settings.shardId();
	}

	/**
	 * The number of shards the bot runs.
	 */
	public int shardCount() {
		return this.settings.shardCount();
	}

	/**
	 * Connects, resuming the previous session if there is one. Returns at once.
	 */
	public synchronized void start() {
		if (this.state == ShardState.STOPPED || this.state == ShardState.FATAL) {
			this.failedAttempts = 0;
			// A restart resumes: what is replayed and what follows must reach the listener again.
			this.queue.start();
			connect();
		}
	}

	/**
	 * Closes the connection and stops reconnecting. Queued events are still delivered (see
	 * {@link DispatchQueue#stop}).
	 * @param resumable whether the session should stay resumable (close code {@value #RESUMABLE_CLOSE_CODE}) or
	 * end at Discord (1000: the bot goes offline at once)
	 */
	public synchronized void stop(boolean resumable) {
		abandonConnection(resumable ? RESUMABLE_CLOSE_CODE : 1000, "shutting down");
		this.pending.cancel();
		if (!resumable) {
			forgetSession();
			failQueuedCommands("Shard " + shardId() + " logged out");
		}
		setState(ShardState.STOPPED, null);
	}

	/**
	 * The shard's delivery queue.
	 */
	public DispatchQueue queue() {
		return this.queue;
	}

	public synchronized ShardStatus status() {
		return new ShardStatus(shardId(), this.state, this.lastCloseCode, this.reason, this.failedAttempts);
	}

	/**
	 * The last sequence received in the current session, or {@link GatewayMessage#NO_SEQUENCE}.
	 */
	public long lastSequence() {
		return this.lastSequence;
	}

	/**
	 * The current session, or {@code null} when the next connection identifies anew.
	 */
	public synchronized ReadySession session() {
		return this.session;
	}

	/**
	 * Sends a command (presence, voice state, member request...) once the session is ready and the rate limit
	 * allows, in the order given.
	 * @param op the command's opcode
	 * @param data its data
	 * @return completes when the command went out on the wire; fails if the shard stops for good first
	 * @throws io.github.discordgateway.transport.PayloadTooLargeException if the payload exceeds 4096 bytes
	 */
	public CompletableFuture<Void> send(Opcode op, Object data) {
		String payload = this.json.encode(op, data);
		OutboundPayloadSize.check(payload, op.code());
		OutboundCommand command = new OutboundCommand(op, payload, new CompletableFuture<>(),
				this.scheduler.nanoTime());
		synchronized (this) {
			if (this.state == ShardState.FATAL) {
				return CompletableFuture.failedFuture(new IllegalStateException(
						"Shard " + shardId() + " has stopped for good: " + this.reason));
			}
			this.outbound.add(command);
			drainCommands();
		}
		return command.sent();
	}

	/**
	 * Sends queued commands while the session is ready and the limiter has room; otherwise looks again when it
	 * will have.
	 */
	private void drainCommands() {
		while (!this.outbound.isEmpty()) {
			if (this.state != ShardState.READY || this.connection == null || this.rateLimiter == null) {
				return;
			}
			OutboundCommand next = this.outbound.peek();
			boolean presence = next.op() == Opcode.PRESENCE_UPDATE;
			long wait = presence ? this.rateLimiter.nanosUntilPresenceUpdatePermitted()
					: this.rateLimiter.nanosUntilCommandPermitted();
			if (wait > 0 || !(presence ? this.rateLimiter.tryAcquirePresenceUpdate()
					: this.rateLimiter.tryAcquireCommand())) {
				this.pendingDrain.cancel();
				this.pendingDrain = this.scheduler.schedule(() -> {
					synchronized (this) {
						drainCommands();
					}
				}, Duration.ofNanos(Math.max(wait, 1_000_000)));
				return;
			}
			this.outbound.poll();
			this.connection.send(next.payload());
			this.observer.commandSent(shardId(), next.op(),
					Duration.ofNanos(this.scheduler.nanoTime() - next.enqueuedAt()));
			next.sent().complete(null);
		}
	}

	private void failQueuedCommands(String why) {
		OutboundCommand command;
		while ((command = this.outbound.poll()) != null) {
			command.sent().completeExceptionally(new IllegalStateException(why));
		}
	}

	private record OutboundCommand(Opcode op, String payload, CompletableFuture<Void> sent, long enqueuedAt) {
	}

	private void connect() {
		this.connectionIsResume = (this.session != null);
		String base = this.connectionIsResume ? this.session.resumeGatewayUrl() : this.gatewayUrl.get();
		int connectionGeneration = ++this.generation;
		setState(ShardState.CONNECTING, this.reason);
		this.transport.connect(GatewayUrl.connectUri(base, this.settings.compress()), new Connection(connectionGeneration))
			.whenComplete((opened, failure) -> {
				if (failure != null) {
					connectFailed(connectionGeneration, base, failure);
				}
			});
	}

	private synchronized void connectFailed(int connectionGeneration, String base, Throwable failure) {
		if (connectionGeneration != this.generation || this.state == ShardState.STOPPED) {
			return;
		}
		logger.warn("Shard {} could not connect to {}: {}", shardId(), base, rootMessage(failure));
		this.reason = "could not connect: " + rootMessage(failure);
		reconnectAfterFailure();
	}

	private void reconnectAfterFailure() {
		if (this.connectionIsResume && ++this.failedResumes >= this.settings.maxFailedResumes()) {
			logger.warn("Shard {} gives up resuming after {} failed attempts and identifies anew", shardId(),
					this.failedResumes);
			forgetSession();
		}
		Duration delay = this.settings.backoff().delay(this.failedAttempts++);
		CloseAction action = (this.session != null) ? CloseAction.RESUME : CloseAction.IDENTIFY;
		this.observer.reconnecting(shardId(), action);
		scheduleConnect(delay);
	}

	private void scheduleConnect(Duration delay) {
		setState(ShardState.RECONNECT_WAIT, this.reason);
		int expected = this.generation;
		this.pending = this.scheduler.schedule(() -> {
			synchronized (this) {
				if (expected == this.generation && this.state == ShardState.RECONNECT_WAIT) {
					connect();
				}
			}
		}, delay);
	}

	/**
	 * Leaves the current connection behind: its callbacks become stale, its heartbeat stops, and it is closed.
	 */
	private void abandonConnection(int code, String why) {
		this.generation++;
		if (this.heartbeater != null) {
			this.heartbeater.stop();
			this.heartbeater = null;
		}
		this.pendingDrain.cancel();
		this.rateLimiter = null;
		TransportConnection current = this.connection;
		this.connection = null;
		if (current != null) {
			current.close(code, why);
		}
	}

	/**
	 * The shard decided to reconnect (op 7, op 9, a zombie connection).
	 */
	private void reconnect(CloseAction action, String why, Duration delay) {
		abandonConnection(RESUMABLE_CLOSE_CODE, why);
		if (action == CloseAction.IDENTIFY) {
			forgetSession();
		}
		this.reason = why;
		this.observer.reconnecting(shardId(), action);
		scheduleConnect(delay);
	}

	private void connectionLost(int code, String closeReason) {
		this.connection = null;
		this.rateLimiter = null;
		this.pendingDrain.cancel();
		if (this.heartbeater != null) {
			this.heartbeater.stop();
			this.heartbeater = null;
		}
		this.lastCloseCode = code;
		this.observer.connectionClosed(shardId(), code);
		CloseCode known = CloseCode.of(code);
		CloseAction action = CloseCode.actionFor(code);
		String description = "closed with " + code + (closeReason.isEmpty() ? "" : " (" + closeReason + ")");
		if (action == CloseAction.STOP) {
			this.reason = description + ": " + known.explanation();
			logger.error("Shard {} stopped for good: the gateway {} The shard will not reconnect.", shardId(),
					this.reason);
			setState(ShardState.FATAL, this.reason);
			failQueuedCommands("Shard " + shardId() + " has stopped for good: " + this.reason);
			return;
		}
		if (known == null && code >= 4000) {
			logger.warn("Shard {}: the gateway closed with unknown code {}; resuming", shardId(), code);
		}
		if (action == CloseAction.IDENTIFY) {
			forgetSession();
		}
		this.reason = description;
		reconnectAfterFailure();
	}

	private void forgetSession() {
		this.session = null;
		this.lastSequence = GatewayMessage.NO_SEQUENCE;
		this.failedResumes = 0;
	}

	private void setState(ShardState next, String why) {
		if (next == ShardState.READY) {
			why = null;
		}
		boolean changed = next != this.state;
		this.state = next;
		this.reason = why;
		if (!changed) {
			return;
		}
		switch (next) {
			case READY, STOPPED -> logger.info("Shard {} is {}", shardId(), next);
			case RECONNECT_WAIT -> logger.info("Shard {} will reconnect: {}", shardId(), why);
			case FATAL -> {
				// logged with its cause where it happens
			}
			default -> logger.debug("Shard {} is {}", shardId(), next);
		}
		this.observer.statusChanged(status());
	}

	private void sendIdentify(int connectionGeneration) {
		synchronized (this) {
			if (connectionGeneration != this.generation || this.connection == null) {
				return;
			}
			forgetSession();
			Identify identify = new Identify(this.settings.token(), this.settings.properties(),
					this.settings.largeThreshold(), new int[] { shardId(), this.settings.shardCount() },
					this.settings.presence(), this.settings.intents());
			logger.debug("Shard {} identifying: {}", shardId(), identify);
			this.rateLimiter.tryAcquireCommand();
			this.connection.send(this.json.encode(Opcode.IDENTIFY, identify));
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

	/**
	 * One connection's view of the shard: every callback first checks that its connection is still the current
	 * one.
	 */
	private final class Connection implements TransportHandler, GatewayMessageHandler, Heartbeater.Beats {

		private final int connectionGeneration;

		Connection(int connectionGeneration) {
			this.connectionGeneration = connectionGeneration;
		}

		private boolean isCurrent() {
			return this.connectionGeneration == Shard.this.generation;
		}

		@Override
		public void onOpen(TransportConnection opened) {
			synchronized (Shard.this) {
				if (!isCurrent()) {
					opened.close(RESUMABLE_CLOSE_CODE, "abandoned");
					return;
				}
				Shard.this.connection = opened;
				Shard.this.rateLimiter = new GatewayRateLimiter(Shard.this.scheduler::nanoTime);
			}
		}

		@Override
		public void onMessage(byte[] message) {
			Shard.this.dispatcher.dispatch(message, this);
		}

		@Override
		public void onMessageSkipped(OversizeMessage message) {
			Shard.this.observer.messageSkipped(shardId(), message);
		}

		@Override
		public void onClose(int code, String closeReason) {
			synchronized (Shard.this) {
				if (isCurrent() && Shard.this.state != ShardState.STOPPED) {
					connectionLost(code, closeReason);
				}
			}
		}

		@Override
		public void onHello(Hello hello) {
			synchronized (Shard.this) {
				if (!isCurrent() || Shard.this.connection == null) {
					return;
				}
				if (hello.heartbeatInterval() <= 0) {
					logger.warn("Shard {} got a Hello without a heartbeat interval; reconnecting", shardId());
					reconnect(CloseAction.RESUME, "invalid Hello", Duration.ZERO);
					return;
				}
				if (Shard.this.heartbeater != null) {
					Shard.this.heartbeater.stop();
				}
				Shard.this.heartbeater = new Heartbeater(Shard.this.scheduler,
						Duration.ofMillis(hello.heartbeatInterval()), this, Shard.this.queue::readerPausedSinceLastAsked);
				Shard.this.heartbeater.start(Shard.this.random);
				Shard.this.rateLimiter.setHeartbeatInterval(Duration.ofMillis(hello.heartbeatInterval()));
				if (Shard.this.session != null) {
					setState(ShardState.RESUMING, Shard.this.reason);
					Shard.this.rateLimiter.tryAcquireCommand();
					Shard.this.connection.send(Shard.this.json.encode(Opcode.RESUME, new Resume(
							Shard.this.settings.token(), Shard.this.session.sessionId(), Shard.this.lastSequence)));
				}
				else {
					setState(ShardState.IDENTIFYING, Shard.this.reason);
					Duration wait = Shard.this.identifyLimiter.reserve(shardId());
					if (wait.isZero() || wait.isNegative()) {
						sendIdentify(this.connectionGeneration);
					}
					else {
						logger.info("Shard {} waits {} ms for its turn to identify", shardId(), wait.toMillis());
						Shard.this.pending = Shard.this.scheduler
							.schedule(() -> sendIdentify(this.connectionGeneration), wait);
					}
				}
			}
		}

		@Override
		public void onDispatch(GatewayMessage message) {
			long sequence = message.sequence();
			synchronized (Shard.this) {
				if (!isCurrent()) {
					return;
				}
				if (sequence != GatewayMessage.NO_SEQUENCE) {
					if (sequence <= Shard.this.lastSequence) {
						logger.debug("Shard {} dropped {} with sequence {}: already received", shardId(),
								message.type(), sequence);
						return;
					}
					Shard.this.lastSequence = sequence;
				}
				if ("READY".equals(message.type())) {
					Shard.this.session = Shard.this.json.read(message.data(), ReadySession.class);
					readied();
				}
				else if ("RESUMED".equals(message.type())) {
					readied();
				}
			}
			DispatchEvent event = Shard.this.events.create(message.type(), shardId(), sequence, message.data());
			Shard.this.observer.dispatchReceived(event);
			try {
				Shard.this.queue.enqueue(event);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private void readied() {
			Shard.this.failedAttempts = 0;
			Shard.this.failedResumes = 0;
			setState(ShardState.READY, null);
			drainCommands();
		}

		@Override
		public void onHeartbeatRequest() {
			synchronized (Shard.this) {
				if (!isCurrent()) {
					return;
				}
				if (Shard.this.heartbeater != null) {
					Shard.this.heartbeater.beatNow();
				}
				else {
					sendHeartbeat();
				}
			}
		}

		@Override
		public void onHeartbeatAck() {
			Heartbeater current;
			synchronized (Shard.this) {
				current = isCurrent() ? Shard.this.heartbeater : null;
			}
			if (current != null) {
				current.acknowledge();
			}
		}

		@Override
		public void onReconnect() {
			synchronized (Shard.this) {
				if (isCurrent()) {
					logger.info("Shard {}: the gateway asked for a reconnect (op 7); resuming", shardId());
					reconnect(CloseAction.RESUME, "the gateway asked for a reconnect", Duration.ZERO);
				}
			}
		}

		@Override
		public void onInvalidSession(boolean resumable) {
			synchronized (Shard.this) {
				if (!isCurrent()) {
					return;
				}
				if (resumable && Shard.this.session != null) {
					logger.info("Shard {}: invalid session (resumable); resuming", shardId());
					reconnect(CloseAction.RESUME, "invalid session, resumable", Duration.ZERO);
					return;
				}
				Duration min = Shard.this.settings.invalidSessionDelayMin();
				long spread = Shard.this.settings.invalidSessionDelayMax().toMillis() - min.toMillis();
				Duration delay = min.plusMillis((long) (spread * Shard.this.random.getAsDouble()));
				logger.info("Shard {}: invalid session; identifying anew in {} ms", shardId(), delay.toMillis());
				reconnect(CloseAction.IDENTIFY, "invalid session", delay);
			}
		}

		@Override
		public void sendHeartbeat() {
			TransportConnection current = Shard.this.connection;
			GatewayRateLimiter limiter = Shard.this.rateLimiter;
			if (current != null) {
				current.send(Shard.this.json.encodeHeartbeat(Shard.this.lastSequence));
				if (limiter != null) {
					limiter.recordHeartbeat();
				}
			}
		}

		@Override
		public void zombie() {
			synchronized (Shard.this) {
				if (isCurrent()) {
					logger.warn("Shard {}: no heartbeat ACK since the last beat (zombie connection); resuming",
							shardId());
					reconnect(CloseAction.RESUME, "zombie connection: no heartbeat ACK", Duration.ZERO);
				}
			}
		}

		@Override
		public void acknowledged(Duration latency) {
			Shard.this.observer.heartbeatAcknowledged(shardId(), latency);
		}

	}

}
