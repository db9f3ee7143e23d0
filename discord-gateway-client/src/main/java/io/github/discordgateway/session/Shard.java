package io.github.discordgateway.session;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
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
import io.github.discordgateway.session.ReconnectPolicy.Attempts;
import io.github.discordgateway.session.ReconnectPolicy.Decision;
import io.github.discordgateway.session.ReconnectPolicy.Disconnect;
import io.github.discordgateway.transport.GatewayTransport;
import io.github.discordgateway.transport.GatewayUrl;
import io.github.discordgateway.transport.OutboundPayloadSize;
import io.github.discordgateway.transport.OversizeMessage;
import io.github.discordgateway.transport.PayloadTooLargeException;
import io.github.discordgateway.transport.TransportConnection;
import io.github.discordgateway.transport.TransportHandler;
import io.github.discordgateway.transport.ratelimit.GatewayRateLimiter;

/**
 * One shard's gateway session: its connection, its state machine, its heartbeat and the delivery of its events.
 * What a resume needs is a {@link Session}, kept in a {@link SessionStore}; what to do when a connection ends is
 * the {@link ReconnectPolicy}'s decision; commands wait in a {@link CommandQueue}; Identify waits for the
 * {@link IdentifyQueue}.
 *
 * <h2>Receive flow</h2>
 * <ol>
 * <li>The transport assembles (and decompresses) a whole message on its I/O thread.</li>
 * <li>The {@link OpcodeDispatcher} reads its envelope and routes it by opcode; a malformed message or an unknown
 * opcode is logged and skipped.</li>
 * <li>Hello starts a fresh {@link Heartbeater} and sends Resume when a session can be resumed; otherwise the shard
 * asks the {@link IdentifyQueue} for its turn and sends Identify when it comes. A shard that starts without a
 * session tells the queue before it connects ({@link IdentifyQueue#expect}), so that a bucket's turns at start-up
 * go in shard id order.</li>
 * <li>A Dispatch with a sequence not above the session's is a replayed duplicate and is dropped. Otherwise the
 * observer hears of it (an observer that throws is logged; it cannot drop the event) and it is queued for
 * delivery; only once it is queued does the session's sequence move to it (so a Resume never skips an event
 * that was not handed over, e.g. when delivery stops while the reader waits for room). A dispatch between a
 * Resume and its RESUMED is marked {@linkplain DispatchEvent#isReplayed() replayed}. READY starts a new
 * {@link Session}; READY and RESUMED mark the shard ready and save the session.</li>
 * <li>The shard's {@link DispatchQueue} hands each event to the listener, in sequence order, on a delivery
 * thread the shards share. A listener busy with one event past {@link DeliverySettings#stuckListenerThreshold()} is
 * reported by a {@link StuckListenerWatch} on the scheduler's thread: logged with the thread's stack, told to the
 * observer, and shown in the status until it is done.</li>
 * <li>ACKs feed latency to the observer and wake the {@link DispatchWatchdog}; op 1 gets a beat at once; op 7 and
 * op 9 reconnect (below). What the connection has been doing is kept for health as a {@link ShardActivity}.</li>
 * </ol>
 *
 * <h2>Send flow</h2>
 * <ol>
 * <li>Heartbeats go out from the scheduler's thread, straight to the connection, carrying the session's
 * sequence; they are never delayed (the connection's {@link GatewayRateLimiter} keeps room for them).</li>
 * <li>Identify and Resume go out first on their connection; the payloads are never logged (they carry the
 * token).</li>
 * <li>Commands ({@link #send}) are checked against the 4096-byte limit at once, then queued in order until
 * the session is ready and the rate limiter has room (120 per 60 s per connection, presence 5 per 20 s);
 * queued commands survive reconnects and go out on the next ready connection.</li>
 * </ol>
 *
 * <h2>When the connection ends</h2>
 * <ol>
 * <li>A close the shard did not start, op 7, op 9, a zombie connection (no ACK between two beats), a deaf one
 * (ACKs but no dispatch, when the {@link DispatchWatchdog} is told to resume), a failed
 * connection attempt and a connection that brings no Hello within {@link ConnectionSettings#helloTimeout()} go to
 * the {@link ReconnectPolicy}: resume, identify anew, or stop for good ({@link ShardState#FATAL}, with what to
 * fix in the status), and after what delay.</li>
 * <li>Network failures keep the session and back off; only Discord's verdict (op 9 {@code false}, 4007, 4009) or
 * {@code maxFailedResumes} resumes refused after Hello give it up (and delete it from the store).</li>
 * <li>An operator may make the shard reconnect at once ({@link #reconnect(boolean)}): to resume, or to end the
 * session and identify anew.</li>
 * <li>When the shard itself closes (zombie connection, op 7, op 9, no Hello, shutdown) it uses
 * {@value #RESUMABLE_CLOSE_CODE}, not 1000/1001, which would end the session at Discord, except when logging
 * out or ending the session on request.</li>
 * </ol>
 * Every connection has a generation number: callbacks from an abandoned connection are ignored, and its pending
 * identify turn is cancelled.
 *
 * <h2>The stored session</h2>
 * The {@link SessionStore} gets the session with the sequence of the last dispatch whose listener finished (not
 * merely queued), so that a process that dies replays on its next start what it had not handled: at READY and
 * RESUMED, every {@link DeliverySettings#sessionSaveInterval()} while that sequence moves (never a write per event),
 * and when the shard stops (again by the manager once delivery has drained, see {@link #saveSession()}). A
 * stored session of another shard count is ignored.
 *
 * <h2>Threads</h2>
 * The shard's lock guards its state; it is never held while calling code outside the client. Observers (except
 * those {@link GatewayObserver} names as called on the socket's or the delivery thread), the futures
 * {@link #send} returns, and the {@link SessionStore} run on
 * the client's callback executor ({@link Collaborators#callbacks()}), in order. So no user code ever runs on the
 * scheduler's thread, where heartbeats and reconnect timers run, nor under the shard's lock. Listeners run on the
 * delivery threads (see {@link DispatchQueue}).
 */
public final class Shard {

	/** The close code the shard uses when it means to resume: outside Discord's codes, not 1000/1001. */
	public static final int RESUMABLE_CLOSE_CODE = 4900;

	private static final Logger logger = LoggerFactory.getLogger(Shard.class);

	private final ShardSettings settings;

	private final GatewayTransport transport;

	private final Scheduler scheduler;

	private final GatewayJson json;

	private final IdentifyQueue identifyQueue;

	private final SessionStore sessionStore;

	private final GatewayObserver observer;

	private final Callbacks callbacks;

	private final Supplier<String> gatewayUrl;

	private final DispatchEventFactory events;

	private final DispatchQueue queue;

	private final OpcodeDispatcher dispatcher;

	private final DoubleSupplier random;

	private final ReconnectPolicy policy;

	private final CommandQueue commands;

	private final StuckListenerWatch stuckListenerWatch;

	/** The event a listener is stuck on, or {@code null}. */
	private StuckListener stuckListener;

	private ShardState state = ShardState.STOPPED;

	private volatile ShardStatus status;

	private int generation;

	private volatile TransportConnection connection;

	private Heartbeater heartbeater;

	private volatile Session session;

	/** Whether the current connection sent Resume and has not been RESUMED yet. */
	private boolean resumeSent;

	/** Whether the current connection sent Identify and has not been READY yet. */
	private boolean identifySent;

	private final ActivityTracker activity;

	private int failedAttempts;

	private int failedResumes;

	private Integer lastCloseCode;

	private String reason;

	private Scheduler.Cancellable pendingConnect = Scheduler.Cancellable.NONE;

	private Scheduler.Cancellable helloDeadline = Scheduler.Cancellable.NONE;

	private Scheduler.Cancellable saveTimer = Scheduler.Cancellable.NONE;

	/** The queue position of the current session's first event (its READY, or the first after a load). */
	private long sessionStartPosition;

	/** The sequence to store while none of the current session's events has been delivered. */
	private long sessionStartSequence = GatewayMessage.NO_SEQUENCE;

	/** What was last given to the store, or {@code null}. */
	private Session lastSaved;

	private CompletableFuture<Void> identifyTurn;

	/** Whether the identify queue expects this shard to ask for a turn (see {@link IdentifyQueue#expect}). */
	private boolean identifyExpected;

	private volatile GatewayRateLimiter rateLimiter;

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
		this.identifyQueue = collaborators.identifyQueue();
		this.sessionStore = collaborators.sessionStore();
		this.observer = collaborators.observer();
		this.callbacks = new Callbacks(collaborators.callbacks(), settings.shardId());
		this.gatewayUrl = collaborators.gatewayUrl();
		this.events = collaborators.events();
		this.random = collaborators.random();
		this.queue = queue;
		this.dispatcher = new OpcodeDispatcher(this.json, settings.shardId(), this.observer);
		this.policy = settings.connection().reconnectPolicy(this.random);
		this.commands = new CommandQueue(settings.shardId(), this.scheduler, this.callbacks, this.observer);
		this.status = new ShardStatus(settings.shardId(), ShardState.STOPPED, null, null, 0);
		this.stuckListenerWatch = new StuckListenerWatch(settings.shardId(), queue, this.scheduler,
				settings.delivery().stuckListenerThreshold(), this::listenerStuck, this::listenerRecovered);
		this.activity = new ActivityTracker(this.scheduler, settings.watchdog());
	}

	/**
	 * What a shard runs on, shared by every shard of a client.
	 *
	 * @param transport opens connections
	 * @param scheduler time and timers (its thread runs heartbeats and reconnects, never user code)
	 * @param json the codec
	 * @param identifyQueue gives the turns to send Identify
	 * @param sessionStore keeps the sessions to resume
	 * @param observer metrics and health
	 * @param callbacks runs observers, future completions and the session store, in the order given, never on the
	 * scheduler's thread nor on the calling thread (e.g. a {@link CallbackExecutor})
	 * @param gatewayUrl the gateway URL to identify on (asked each time: it may be refreshed)
	 * @param events makes the event object for each dispatch
	 * @param random uniform values in [0, 1), for jitter
	 */
	public record Collaborators(GatewayTransport transport, Scheduler scheduler, GatewayJson json,
			IdentifyQueue identifyQueue, SessionStore sessionStore, GatewayObserver observer, Executor callbacks,
			Supplier<String> gatewayUrl, DispatchEventFactory events, DoubleSupplier random) {
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
	 * Connects, resuming the session this shard or the {@link SessionStore} holds if there is one. Returns at once.
	 */
	public void start() {
		Session stored = loadStoredSession();
		if (startsByIdentifying(stored)) {
			// Before the connection opens: the queue must know of this shard before any shard of its bucket asks.
			this.identifyQueue.expect(shardId());
		}
		synchronized (this) {
			if (this.state == ShardState.STOPPED || this.state == ShardState.FATAL) {
				if (this.session == null && stored != null) {
					logger.info("Shard {} resumes its stored session", shardId());
					this.session = stored;
					this.lastSaved = stored;
					this.sessionStartPosition = this.queue.accepted() + 1;
					this.sessionStartSequence = stored.sequence();
				}
				this.failedAttempts = 0;
				this.commands.reopen();
				// A restart resumes: what is replayed and what follows must reach the listener again.
				this.queue.start();
				this.stuckListenerWatch.start();
				this.saveTimer.cancel();
				scheduleSave();
				connect();
			}
		}
	}

	/**
	 * Whether a start now will identify (no session here nor in the store); if so the shard counts as expected by
	 * the identify queue from now on.
	 */
	private synchronized boolean startsByIdentifying(Session stored) {
		boolean identifies = (this.state == ShardState.STOPPED || this.state == ShardState.FATAL)
				&& this.session == null && stored == null && !this.identifyExpected;
		this.identifyExpected |= identifies;
		return identifies;
	}

	/**
	 * The connection ended before the shard asked for its turn: the queue stops holding its bucket for it.
	 */
	private void withdrawIdentifyExpectation() {
		if (this.identifyExpected) {
			this.identifyExpected = false;
			this.callbacks.execute(() -> this.identifyQueue.withdraw(shardId()));
		}
	}

	private Session loadStoredSession() {
		try {
			Session stored = this.sessionStore.load(shardId());
			if (stored != null && stored.shardCount() != shardCount()) {
				logger.info("Shard {} ignores its stored session: it was identified with {} shards, not {}", shardId(),
						stored.shardCount(), shardCount());
				return null;
			}
			return stored;
		}
		catch (RuntimeException ex) {
			logger.warn("Shard {} could not load its stored session", shardId(), ex);
			return null;
		}
	}

	/**
	 * Closes the connection and stops reconnecting. Queued events are still delivered (see
	 * {@link DispatchQueue#stop}).
	 * @param resumable whether the session should stay resumable (close code {@value #RESUMABLE_CLOSE_CODE}, and
	 * the session is saved) or end at Discord (1000: the bot goes offline at once, and the session is deleted)
	 */
	public synchronized void stop(boolean resumable) {
		boolean wasStopped = this.state == ShardState.STOPPED;
		abandonConnection(resumable ? RESUMABLE_CLOSE_CODE : 1000, "shutting down");
		this.pendingConnect.cancel();
		this.stuckListenerWatch.stop();
		this.saveTimer.cancel();
		if (resumable) {
			if (!wasStopped) {
				save();
			}
		}
		else {
			forgetSession();
			this.commands.closeForGood("Shard " + shardId() + " logged out");
		}
		setState(ShardState.STOPPED, null);
	}

	/**
	 * Gives the store the session with the sequence of the last dispatch whose listener finished; what the
	 * manager does once delivery has drained at shutdown.
	 * @return completes once the store was called (on the callback executor, after every earlier save or delete)
	 */
	public synchronized CompletableFuture<Void> saveSession() {
		return save();
	}

	/**
	 * The shard's delivery queue.
	 */
	public DispatchQueue queue() {
		return this.queue;
	}

	/**
	 * The shard's latest status; never waits for the shard's lock.
	 */
	public ShardStatus status() {
		return this.status;
	}

	/**
	 * What the shard's connection has been doing (heartbeats, ACKs, dispatches), as of now; never waits for the
	 * shard's lock.
	 */
	public ShardActivity activity() {
		return this.activity.snapshot(this.status.state());
	}

	/**
	 * Leaves the current connection at once and connects again, for an operator who sees a connection misbehave.
	 * Ignored while the shard is stopped or stopped for good ({@link #start()} starts it).
	 * @param resume whether to resume the session on the new connection (the shard identifies anew if it has
	 * none); {@code false} ends the session at Discord (close code 1000) and identifies anew
	 * @return whether the shard reconnects
	 */
	public synchronized boolean reconnect(boolean resume) {
		if (this.state == ShardState.STOPPED || this.state == ShardState.FATAL) {
			return false;
		}
		String why = resume ? "reconnect to resume, on request" : "reconnect to identify anew, on request";
		logger.info("Shard {}: {}", shardId(), why);
		abandonConnection(resume ? RESUMABLE_CLOSE_CODE : 1000, why);
		this.pendingConnect.cancel();
		this.resumeSent = false;
		this.identifySent = false;
		if (!resume) {
			forgetSession();
		}
		CloseAction action = (this.session != null) ? CloseAction.RESUME : CloseAction.IDENTIFY;
		this.callbacks.execute(() -> this.observer.reconnecting(shardId(), action));
		this.reason = why;
		scheduleConnect(Duration.ZERO);
		return true;
	}

	/**
	 * The sequence of the last dispatch handed to delivery in the current session, or
	 * {@link GatewayMessage#NO_SEQUENCE}.
	 */
	public long lastSequence() {
		Session current = this.session;
		return (current != null) ? current.sequence() : GatewayMessage.NO_SEQUENCE;
	}

	/**
	 * The current session, or {@code null} when the next connection identifies anew.
	 */
	public Session session() {
		return this.session;
	}

	/**
	 * Sends a command (presence, voice state, member request...) once the session is ready and the rate limit
	 * allows, in the order given.
	 * @param op the command's opcode
	 * @param data its data
	 * @return completes (on the callback executor) when the command went out on the wire; fails if the shard
	 * stops for good first
	 * @throws io.github.discordgateway.transport.PayloadTooLargeException if the payload exceeds 4096 bytes
	 */
	public CompletableFuture<Void> send(Opcode op, Object data) {
		return send(encode(op, data));
	}

	/**
	 * Encodes a command and checks it against the 4096-byte limit, without queuing it.
	 * @param op the command's opcode
	 * @param data its data
	 * @return the command, for {@link #send(EncodedCommand)}
	 * @throws io.github.discordgateway.transport.PayloadTooLargeException if the payload exceeds 4096 bytes
	 */
	public EncodedCommand encode(Opcode op, Object data) {
		String payload = this.json.encode(op, data);
		OutboundPayloadSize.check(payload, op.code());
		return new EncodedCommand(op, payload);
	}

	/**
	 * Sends a command {@linkplain #encode encoded} before, as {@link #send(Opcode, Object)} does.
	 */
	public CompletableFuture<Void> send(EncodedCommand command) {
		return this.commands.add(command.op(), command.payload());
	}

	/**
	 * Fails every queued command and every command sent until the shard starts again (the client closes: a
	 * resumable stop alone keeps them for the restart).
	 */
	public void failQueuedCommands(String why) {
		this.commands.closeForGood(why);
	}

	/**
	 * Opens the next connection. Nothing thrown here escapes: a URL that cannot be connected to, or a transport
	 * that throws, is a failed attempt like any other (logged, given as the status's reason, retried with
	 * backoff).
	 */
	private void connect() {
		this.resumeSent = false;
		this.identifySent = false;
		int connectionGeneration = ++this.generation;
		setState(ShardState.CONNECTING, this.reason);
		String base = null;
		try {
			base = connectionBase();
			String target = base;
			this.helloDeadline = this.scheduler.schedule(() -> helloTimedOut(connectionGeneration),
					this.settings.connection().helloTimeout());
			this.transport.connect(GatewayUrl.connectUri(base, this.settings.connection().compress()),
					new Connection(connectionGeneration))
				.whenComplete((opened, failure) -> {
					if (failure != null) {
						connectFailed(connectionGeneration, target, failure);
					}
				});
		}
		catch (RuntimeException ex) {
			connectFailed(connectionGeneration, base, ex);
		}
	}

	/**
	 * The session's resume URL, or the gateway URL to identify on (or to resume on, when Discord named a resume
	 * URL that cannot be connected to: Discord accepts a resume there too).
	 */
	private String connectionBase() {
		Session current = this.session;
		if (current != null) {
			String problem = GatewayUrl.problem(current.resumeGatewayUrl());
			if (problem == null) {
				return current.resumeGatewayUrl();
			}
			logger.warn("Shard {}: the resume URL '{}' {}; resuming on the gateway URL", shardId(),
					current.resumeGatewayUrl(), problem);
		}
		return this.gatewayUrl.get();
	}

	private synchronized void connectFailed(int connectionGeneration, String base, Throwable failure) {
		if (connectionGeneration != this.generation || this.state == ShardState.STOPPED) {
			return;
		}
		logger.warn("Shard {} could not connect to {}: {}", shardId(), base, rootMessage(failure));
		this.helloDeadline.cancel();
		withdrawIdentifyExpectation();
		this.reason = "could not connect: " + rootMessage(failure);
		disconnected(Disconnect.connectionFailed());
	}

	private synchronized void helloTimedOut(int connectionGeneration) {
		if (connectionGeneration != this.generation || this.state != ShardState.CONNECTING) {
			return;
		}
		long timeoutMillis = this.settings.connection().helloTimeout().toMillis();
		logger.warn("Shard {}: no Hello within {} ms; reconnecting", shardId(), timeoutMillis);
		abandonConnection(RESUMABLE_CLOSE_CODE, "no Hello");
		this.reason = "no Hello within " + timeoutMillis + " ms";
		disconnected(Disconnect.helloTimeout());
	}

	/**
	 * The current connection is over: asks the policy what next, and does it.
	 */
	private void disconnected(Disconnect disconnect) {
		Decision decision = this.policy.decide(disconnect,
				new Attempts(this.session != null, this.resumeSent, this.failedAttempts, this.failedResumes));
		sessionAttemptEnded(false);
		this.failedAttempts = decision.failedAttempts();
		this.failedResumes = decision.failedResumes();
		CloseAction action = decision.action();
		if (action == CloseAction.STOP) {
			logger.error("Shard {} stopped for good: the gateway {} The shard will not reconnect.", shardId(),
					this.reason);
			setState(ShardState.FATAL, this.reason);
			this.commands.closeForGood("Shard " + shardId() + " has stopped for good: " + this.reason);
			return;
		}
		if (action == CloseAction.IDENTIFY && this.session != null) {
			logger.info("Shard {} gives up its session ({}) and identifies anew", shardId(), this.reason);
			forgetSession();
		}
		this.callbacks.execute(() -> this.observer.reconnecting(shardId(), action));
		scheduleConnect(decision.delay());
	}

	/**
	 * Tells the observer how the Identify or Resume of the current connection ended, if it sent one.
	 */
	private void sessionAttemptEnded(boolean succeeded) {
		SessionAttempt attempt = this.resumeSent ? SessionAttempt.RESUME
				: this.identifySent ? SessionAttempt.IDENTIFY : null;
		this.resumeSent = false;
		this.identifySent = false;
		if (attempt != null) {
			this.callbacks.execute(() -> this.observer.sessionAttempted(shardId(), attempt, succeeded));
		}
	}

	private void scheduleConnect(Duration delay) {
		setState(ShardState.RECONNECT_WAIT, this.reason);
		int expected = this.generation;
		this.pendingConnect = this.scheduler.schedule(() -> {
			synchronized (this) {
				if (expected == this.generation && this.state == ShardState.RECONNECT_WAIT) {
					connect();
				}
			}
		}, delay);
	}

	/**
	 * Leaves the current connection behind: its callbacks become stale, its heartbeat stops, its identify turn is
	 * given back, and it is closed.
	 */
	private void abandonConnection(int code, String why) {
		this.generation++;
		TransportConnection current = this.connection;
		releaseConnection();
		if (current != null) {
			current.close(code, why);
		}
	}

	private void releaseConnection() {
		this.connection = null;
		this.rateLimiter = null;
		this.commands.pause();
		this.helloDeadline.cancel();
		withdrawIdentifyExpectation();
		if (this.heartbeater != null) {
			this.heartbeater.stop();
			this.heartbeater = null;
		}
		CompletableFuture<Void> turn = this.identifyTurn;
		this.identifyTurn = null;
		if (turn != null) {
			this.callbacks.execute(() -> turn.cancel(false));
		}
	}

	/**
	 * The shard decided to reconnect (op 7, op 9, a zombie connection).
	 */
	private void reconnect(Disconnect disconnect, String why) {
		abandonConnection(RESUMABLE_CLOSE_CODE, why);
		this.reason = why;
		disconnected(disconnect);
	}

	private void connectionLost(int code, String closeReason) {
		releaseConnection();
		this.lastCloseCode = code;
		this.callbacks.execute(() -> this.observer.connectionClosed(shardId(), code));
		CloseCode known = CloseCode.of(code);
		String description = "closed with " + code + (closeReason.isEmpty() ? "" : " (" + closeReason + ")");
		this.reason = (known != null && known.action() == CloseAction.STOP)
				? description + ": " + known.explanation() : description;
		this.activity.connectionLost(this.reason);
		if (known == null && code >= 4000) {
			logger.warn("Shard {}: the gateway closed with unknown code {}; resuming", shardId(), code);
		}
		disconnected(Disconnect.closed(code));
	}

	private void forgetSession() {
		if (this.session != null) {
			this.session = null;
			this.lastSaved = null;
			this.callbacks.execute(() -> this.sessionStore.delete(shardId()));
		}
		this.failedResumes = 0;
	}

	private CompletableFuture<Void> save() {
		Session current = this.session;
		if (current == null) {
			return CompletableFuture.completedFuture(null);
		}
		Session delivered = current.withSequence(deliveredSequence(current));
		this.lastSaved = delivered;
		CompletableFuture<Void> saved = new CompletableFuture<>();
		this.callbacks.execute(() -> {
			try {
				this.sessionStore.save(shardId(), delivered);
			}
			finally {
				saved.complete(null);
			}
		});
		return saved;
	}

	/**
	 * The sequence of the last of the current session's dispatches whose listener finished. Counted by queue
	 * position, as an earlier session's events still queued may carry higher sequences.
	 */
	private long deliveredSequence(Session current) {
		DispatchQueue.Delivered delivered = this.queue.lastDelivered();
		long reached = (delivered.position() >= this.sessionStartPosition) ? delivered.sequence()
				: this.sessionStartSequence;
		return Math.max(this.sessionStartSequence, Math.min(reached, current.sequence()));
	}

	private void scheduleSave() {
		this.saveTimer = this.scheduler.schedule(this::saveIfDeliveryMoved, this.settings.delivery().sessionSaveInterval());
	}

	private synchronized void saveIfDeliveryMoved() {
		if (this.state == ShardState.STOPPED || this.state == ShardState.FATAL) {
			return;
		}
		Session current = this.session;
		if (current != null && !current.withSequence(deliveredSequence(current)).equals(this.lastSaved)) {
			save();
		}
		scheduleSave();
	}

	private void setState(ShardState next, String why) {
		if (next == ShardState.READY) {
			why = null;
		}
		boolean changed = next != this.state;
		this.state = next;
		this.reason = why;
		ShardStatus snapshot = snapshot();
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
		this.callbacks.execute(() -> this.observer.statusChanged(snapshot));
	}

	private ShardStatus snapshot() {
		ShardStatus snapshot = new ShardStatus(shardId(), this.state, this.lastCloseCode, this.reason,
				this.failedAttempts, this.stuckListener);
		this.status = snapshot;
		return snapshot;
	}

	/**
	 * The {@link StuckListenerWatch} found the listener stuck on one event (on the scheduler's thread).
	 */
	private synchronized void listenerStuck(StuckListener stuck) {
		this.stuckListener = stuck;
		ShardStatus snapshot = snapshot();
		this.callbacks.execute(() -> this.observer.listenerStuck(stuck));
		this.callbacks.execute(() -> this.observer.statusChanged(snapshot));
	}

	/**
	 * The listener found stuck is done with its event.
	 */
	private synchronized void listenerRecovered() {
		this.stuckListener = null;
		ShardStatus snapshot = snapshot();
		this.callbacks.execute(() -> this.observer.statusChanged(snapshot));
	}

	private synchronized void sendIdentify(int connectionGeneration) {
		if (connectionGeneration != this.generation || this.connection == null
				|| this.state != ShardState.IDENTIFYING) {
			return;
		}
		this.identifyTurn = null;
		Identify identify = this.settings.identify().identify(shardId(), this.settings.shardCount());
		logger.debug("Shard {} identifying: {}", shardId(), identify);
		String payload = this.json.encode(Opcode.IDENTIFY, identify);
		try {
			OutboundPayloadSize.check(payload, Opcode.IDENTIFY.code());
		}
		catch (PayloadTooLargeException ex) {
			// Discord would close with 4002 and the shard would identify again, in a loop.
			String why = "Identify is " + ex.size() + " bytes, over Discord's limit of " + ex.limit()
					+ "; shorten the presence";
			logger.error("Shard {} stopped for good: {}", shardId(), why);
			abandonConnection(RESUMABLE_CLOSE_CODE, "Identify too large");
			setState(ShardState.FATAL, why);
			this.commands.closeForGood("Shard " + shardId() + " has stopped for good: " + why);
			return;
		}
		this.identifySent = true;
		this.rateLimiter.tryAcquireCommand();
		this.connection.send(payload);
	}

	private synchronized void identifyTurnFailed(int connectionGeneration, Throwable failure) {
		if (connectionGeneration != this.generation) {
			return;
		}
		logger.warn("Shard {} got no turn to identify: {}; reconnecting", shardId(), rootMessage(failure));
		reconnect(Disconnect.connectionFailed(), "no turn to identify: " + rootMessage(failure));
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
		public void onReceived(int wireBytes, long messageBytes) {
			try {
				Shard.this.observer.bytesReceived(shardId(), wireBytes, messageBytes);
			}
			catch (RuntimeException ex) {
				logger.warn("An observer failed on the bytes received by shard {}", shardId(), ex);
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
				Shard.this.helloDeadline.cancel();
				if (hello.heartbeatInterval() <= 0) {
					logger.warn("Shard {} got a Hello without a heartbeat interval; reconnecting", shardId());
					reconnect(Disconnect.reconnectRequested(), "invalid Hello");
					return;
				}
				Duration interval = Duration.ofMillis(hello.heartbeatInterval());
				if (Shard.this.heartbeater != null) {
					Shard.this.heartbeater.stop();
				}
				Shard.this.heartbeater = new Heartbeater(Shard.this.scheduler, interval, this,
						Shard.this.queue::readerPausedSinceLastAsked);
				Shard.this.heartbeater.start(Shard.this.random);
				Shard.this.rateLimiter.setHeartbeatInterval(interval);
				Shard.this.activity.helloReceived(interval);
				Session current = Shard.this.session;
				if (current != null) {
					setState(ShardState.RESUMING, Shard.this.reason);
					Shard.this.resumeSent = true;
					Shard.this.rateLimiter.tryAcquireCommand();
					Shard.this.connection.send(Shard.this.json.encode(Opcode.RESUME,
							new Resume(Shard.this.settings.identify().token(), current.sessionId(), current.sequence())));
					return;
				}
				setState(ShardState.IDENTIFYING, Shard.this.reason);
			}
			awaitIdentifyTurn();
		}

		/**
		 * Asks for the turn outside the lock (the queue may be remote) and identifies when it comes.
		 */
		private void awaitIdentifyTurn() {
			CompletableFuture<Void> turn = Shard.this.identifyQueue.acquire(shardId());
			synchronized (Shard.this) {
				// Asking ends the expectation.
				Shard.this.identifyExpected = false;
				if (!isCurrent()) {
					turn.cancel(false);
					return;
				}
				Shard.this.identifyTurn = turn;
			}
			if (!turn.isDone()) {
				logger.info("Shard {} waits for its turn to identify", shardId());
			}
			turn.whenComplete((granted, failure) -> {
				if (failure == null) {
					sendIdentify(this.connectionGeneration);
				}
				else if (!(failure instanceof CancellationException)
						&& !(failure instanceof CompletionException && failure.getCause() instanceof CancellationException)) {
					identifyTurnFailed(this.connectionGeneration, failure);
				}
			});
		}

		@Override
		public void onDispatch(GatewayMessage message) {
			long sequence = message.sequence();
			Session before;
			boolean replayed;
			synchronized (Shard.this) {
				if (!isCurrent()) {
					return;
				}
				before = Shard.this.session;
				replayed = Shard.this.resumeSent && !"RESUMED".equals(message.type());
				if (sequence != GatewayMessage.NO_SEQUENCE && sequence <= lastSequence()) {
					logger.debug("Shard {} dropped {} with sequence {}: already received", shardId(),
							message.type(), sequence);
					return;
				}
			}
			Shard.this.activity.dispatchReceived();
			ReadySession ready = "READY".equals(message.type())
					? Shard.this.json.read(message.data(), ReadySession.class) : null;
			DispatchEvent event = Shard.this.events.create(message.type(), shardId(), sequence, replayed,
					message.data());
			try {
				Shard.this.observer.dispatchReceived(event);
			}
			catch (RuntimeException ex) {
				logger.warn("An observer failed on {} (sequence {}, shard {}); the event goes on", message.type(),
						sequence, shardId(), ex);
			}
			if (!handOver(event)) {
				logger.info("Shard {} did not queue {} (sequence {}): delivery is stopping; a resume replays it",
						shardId(), message.type(), sequence);
				return;
			}
			synchronized (Shard.this) {
				handedOver(message.type(), sequence, ready, before);
			}
		}

		private boolean handOver(DispatchEvent event) {
			try {
				return Shard.this.queue.enqueue(event);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		/**
		 * Moves the session to a dispatch now queued for delivery. A stale connection still moves it if nothing
		 * else did meanwhile: the event was delivered, a resume must not replay it.
		 */
		private void handedOver(String type, long sequence, ReadySession ready, Session before) {
			if (ready != null) {
				if (isCurrent()) {
					Shard.this.session = new Session(ready.sessionId(), ready.resumeGatewayUrl(), sequence,
							shardCount());
					Shard.this.sessionStartPosition = Shard.this.queue.accepted();
					Shard.this.sessionStartSequence = sequence;
					readied();
				}
				return;
			}
			Session current = Shard.this.session;
			if (sequence != GatewayMessage.NO_SEQUENCE && current != null && (isCurrent() || current == before)
					&& sequence > current.sequence()) {
				Shard.this.session = current.withSequence(sequence);
			}
			if ("RESUMED".equals(type) && isCurrent()) {
				readied();
			}
		}

		private void readied() {
			Shard.this.failedAttempts = 0;
			Shard.this.failedResumes = 0;
			sessionAttemptEnded(true);
			setState(ShardState.READY, null);
			save();
			Shard.this.commands.open(Shard.this.connection, Shard.this.rateLimiter);
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
					reconnect(Disconnect.reconnectRequested(), "the gateway asked for a reconnect");
				}
			}
		}

		@Override
		public void onInvalidSession(boolean resumable) {
			synchronized (Shard.this) {
				if (!isCurrent()) {
					return;
				}
				logger.info("Shard {}: invalid session ({})", shardId(), resumable ? "resumable" : "not resumable");
				reconnect(Disconnect.invalidSession(resumable),
						resumable ? "invalid session, resumable" : "invalid session");
			}
		}

		@Override
		public void sendHeartbeat() {
			TransportConnection current = Shard.this.connection;
			GatewayRateLimiter limiter = Shard.this.rateLimiter;
			if (current != null) {
				current.send(Shard.this.json.encodeHeartbeat(lastSequence()));
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
					Shard.this.activity.ackMissed();
					reconnect(Disconnect.zombie(), "zombie connection: no heartbeat ACK");
				}
			}
		}

		@Override
		public void acknowledged(Duration latency) {
			Shard.this.activity.acknowledged(latency);
			try {
				Shard.this.observer.heartbeatAcknowledged(shardId(), latency);
			}
			finally {
				watchForSilence();
			}
		}

		/**
		 * The dispatch watchdog, at each ACK: heartbeats are answered, so a ready session that brings no dispatch
		 * is deaf.
		 */
		private void watchForSilence() {
			synchronized (Shard.this) {
				if (!isCurrent() || !Shard.this.activity.isDispatchSilent(Shard.this.state)) {
					return;
				}
				String why = "no dispatch for " + Shard.this.settings.watchdog().silence().toMillis()
						+ " ms while heartbeats were acknowledged (connected but deaf)";
				if (Shard.this.settings.watchdog().resume()) {
					logger.warn("Shard {}: {}; resuming", shardId(), why);
					reconnect(Disconnect.reconnectRequested(), why);
				}
				else if (Shard.this.activity.firstReportOfSilence()) {
					logger.warn("Shard {}: {}", shardId(), why);
				}
			}
		}

	}

}
