package io.github.discordgateway.sharding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.discordgateway.event.DeliveryExecutor;
import io.github.discordgateway.event.DispatchListener;
import io.github.discordgateway.event.DispatchQueue;
import io.github.discordgateway.rest.GatewayBot;
import io.github.discordgateway.rest.InvalidTokenException;
import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.session.IdentifyQueue;
import io.github.discordgateway.session.Scheduler;
import io.github.discordgateway.session.Shard;
import io.github.discordgateway.session.ShardSettings;
import io.github.discordgateway.session.ShardState;
import io.github.discordgateway.session.ShardStatus;

/**
 * Runs a bot's shards in this process: asks Discord where to connect ({@code GET /gateway/bot}), then starts the
 * shards its {@link ShardOwnership} names (a fixed set, or shards claimed and given up at runtime through
 * {@link #startShard} and {@link #stopShard}), one {@link Shard} each, all sharing one identify queue. Starting
 * returns at once; the bootstrap runs on its own thread and is retried with backoff, except when the token is
 * rejected, which is final.
 */
public final class ShardManager {

	/** How long a stop waits for the session store to take the final sessions. */
	public static final Duration SESSION_SAVE_TIMEOUT = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(ShardManager.class);

	private final Settings settings;

	private final ShardSettings shardTemplate;

	private final Scheduler scheduler;

	private final CollaboratorsFactory collaborators;

	private final Supplier<GatewayBot> bootstrap;

	private final Function<GatewayBot.SessionStartLimit, IdentifyQueue> identifyQueues;

	private final DispatchListener listener;

	private final ShardOwnership ownership;

	private final DeliveryExecutor delivery;

	private final Map<Integer, Shard> shards = Collections.synchronizedMap(new TreeMap<>());

	private volatile String gatewayUrl;

	/** Set by the bootstrap: the bot's shard count, the identify queue and what the shards run on. */
	private volatile Bootstrapped bootstrapped;

	private volatile GatewayBot.SessionStartLimit sessionStartLimit;

	private volatile String bootstrapProblem = "starting";

	private volatile boolean running;

	private int failedBootstraps;

	/** Whether a bootstrap runs or waits to retry: a restart meanwhile must not start a second one. */
	private boolean bootstrapping;

	/**
	 * What the manager runs.
	 *
	 * @param gatewayUrl a gateway URL that overrides the one Discord names, or {@code null}
	 * @param shardCount the shard count, or {@code null} for Discord's recommendation
	 * @param resumableShutdown whether stopping keeps the sessions resumable
	 */
	public record Settings(String gatewayUrl, Integer shardCount, boolean resumableShutdown) {
	}

	private record Bootstrapped(int shardCount, IdentifyQueue identifyQueue, Shard.Collaborators collaborators) {
	}

	/**
	 * Makes what the shards run on, once the bootstrap has found the gateway URL and the identify limits.
	 */
	@FunctionalInterface
	public interface CollaboratorsFactory {

		Shard.Collaborators create(Supplier<String> gatewayUrl, IdentifyQueue identifyQueue);

	}

	/**
	 * @param settings what to run
	 * @param shardTemplate the settings every shard starts from (its id and count are filled in)
	 * @param scheduler time and timers, for retrying the bootstrap
	 * @param collaborators makes what the shards run on
	 * @param bootstrap asks Discord where to connect
	 * @param identifyQueues makes the identify queue from the bootstrap's session start limit
	 * @param listener receives every shard's dispatches
	 * @param delivery where the shards' queues deliver to the listener; the caller shuts it down
	 * @param ownership which shards this process runs
	 */
	public ShardManager(Settings settings, ShardSettings shardTemplate, Scheduler scheduler,
			CollaboratorsFactory collaborators, Supplier<GatewayBot> bootstrap,
			Function<GatewayBot.SessionStartLimit, IdentifyQueue> identifyQueues, DispatchListener listener,
			DeliveryExecutor delivery, ShardOwnership ownership) {
		this.settings = settings;
		this.shardTemplate = shardTemplate;
		this.scheduler = scheduler;
		this.collaborators = collaborators;
		this.bootstrap = bootstrap;
		this.identifyQueues = identifyQueues;
		this.listener = listener;
		this.delivery = delivery;
		this.ownership = ownership;
	}

	/**
	 * Starts the shards (or restarts them, resuming their sessions). Returns at once.
	 */
	public void start() {
		Bootstrapped ready;
		synchronized (this) {
			if (this.running) {
				return;
			}
			this.running = true;
			ready = this.bootstrapped;
			if (ready == null) {
				if (!this.bootstrapping) {
					this.bootstrapping = true;
					startBootstrapThread();
				}
				return;
			}
		}
		this.ownership.start(ready.shardCount(), this);
	}

	/**
	 * Closes every shard's connection, lets listeners finish queued events until the timeout, and, when the
	 * sessions stay resumable, saves each with the sequence its listener reached (waiting up to
	 * {@link #SESSION_SAVE_TIMEOUT} for the store); then lets the {@link ShardOwnership} give up what it held.
	 */
	public void stop(Duration timeout) {
		List<Shard> stopping;
		boolean wasRunning;
		synchronized (this) {
			wasRunning = this.running;
			this.running = false;
			stopping = new ArrayList<>(this.shards.values());
		}
		try {
			// A second stop (close() after the application context stopped the client) has nothing new to save.
			stopShards(stopping, timeout, wasRunning);
		}
		finally {
			this.ownership.stop();
		}
	}

	/**
	 * Starts (or restarts, resuming its session) one shard, if the manager runs and the bootstrap has finished.
	 * Returns at once.
	 * @param shardId from 0 to the shard count - 1
	 * @return whether the shard runs now
	 * @throws IllegalArgumentException if the id is not one of the bot's shards
	 */
	public boolean startShard(int shardId) {
		// Started under the lock: a stop() meanwhile must find the shard and stop it after it started.
		synchronized (this) {
			Bootstrapped ready = this.bootstrapped;
			if (!this.running || ready == null) {
				return false;
			}
			if (shardId < 0 || shardId >= ready.shardCount()) {
				throw new IllegalArgumentException(
						"Shard id must be from 0 to " + (ready.shardCount() - 1) + ", was " + shardId);
			}
			Shard shard = this.shards.get(shardId);
			if (shard == null) {
				ShardSettings shardSettings = this.shardTemplate.forShard(shardId, ready.shardCount());
				shard = new Shard(shardSettings, ready.collaborators(),
						new DispatchQueue(shardId, shardSettings.delivery().queueCapacity(),
								shardSettings.delivery().queueMaxBytes(),
								this.listener, this.scheduler::nanoTime, this.delivery,
								deliveryObserver(ready.collaborators().observer())));
				this.shards.put(shardId, shard);
			}
			shard.start();
			return true;
		}
	}

	/**
	 * Stops one shard: closes its connection (keeping the session resumable if the manager's settings say so),
	 * lets its listeners finish queued events until the timeout, and forgets it. Returns once its connection is
	 * closed, so that another process may take it over.
	 * @return whether this process ran the shard
	 */
	public boolean stopShard(int shardId, Duration timeout) {
		Shard shard = this.shards.remove(shardId);
		if (shard == null) {
			return false;
		}
		// Saved before the shard is handed over, so that the process taking it over resumes where this one stopped.
		stopShards(List.of(shard), timeout, true);
		return true;
	}

	private void stopShards(List<Shard> stopping, Duration timeout, boolean save) {
		stopping.forEach((shard) -> shard.stop(this.settings.resumableShutdown()));
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			for (Shard shard : stopping) {
				shard.queue().stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
			}
			if (this.settings.resumableShutdown() && save) {
				saveSessions(stopping);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void saveSessions(List<Shard> stopped) throws InterruptedException {
		CompletableFuture<?>[] saves = stopped.stream().map(Shard::saveSession).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(saves).get(SESSION_SAVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Not every session was saved within {} ms; a restart may replay events already handled",
					SESSION_SAVE_TIMEOUT.toMillis());
		}
	}

	/**
	 * The ids of the shards this process runs, ascending.
	 */
	public List<Integer> shardIds() {
		synchronized (this.shards) {
			return List.copyOf(this.shards.keySet());
		}
	}

	/**
	 * Why identifies wait (the daily session start budget, an unreachable coordinator), or {@code null}.
	 */
	public String identifyHold() {
		Bootstrapped ready = this.bootstrapped;
		return (ready != null) ? ready.identifyQueue().holdReason() : null;
	}

	/**
	 * What keeps this process from running its share of the shards, or {@code null} if nothing.
	 */
	public String ownershipProblem() {
		return this.ownership.problem();
	}

	/**
	 * Why this process runs no shard and is right not to (other processes hold them all), or {@code null} when it
	 * runs shards or ought to.
	 */
	public String standby() {
		return (this.running && this.bootstrapProblem == null && this.shards.isEmpty()) ? this.ownership.standby()
				: null;
	}

	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Every shard's status, by shard id.
	 */
	public List<ShardStatus> statuses() {
		List<Shard> running;
		synchronized (this.shards) {
			running = List.copyOf(this.shards.values());
		}
		return running.stream().map(Shard::status).toList();
	}

	/**
	 * The shards this process runs, by shard id (none before the bootstrap finished).
	 */
	public List<Shard> shards() {
		synchronized (this.shards) {
			return List.copyOf(this.shards.values());
		}
	}

	/**
	 * What keeps the shards from starting (fetching the gateway URL, a rejected token), or {@code null} once they
	 * run.
	 */
	public String bootstrapProblem() {
		return this.bootstrapProblem;
	}

	/**
	 * The shard with this id, or {@code null} if this process does not run it (yet).
	 */
	public Shard shard(int shardId) {
		return this.shards.get(shardId);
	}

	/**
	 * Makes a shard leave its connection and connect again at once (see {@link Shard#reconnect(boolean)}).
	 * @param shardId the shard
	 * @param resume whether to resume its session, or identify anew
	 * @return whether the shard reconnects: {@code false} if this process does not run it or it is stopped
	 */
	public boolean reconnect(int shardId, boolean resume) {
		Shard shard = shard(shardId);
		return shard != null && shard.reconnect(resume);
	}

	/**
	 * Identifies this process may still start before Discord's limit resets, as of the bootstrap's
	 * {@code GET /gateway/bot}, or {@code null} before it answered.
	 */
	public GatewayBot.SessionStartLimit sessionStartLimit() {
		return this.sessionStartLimit;
	}

	/**
	 * The number of shards the bot runs (across all processes), or 0 before the bootstrap finished.
	 */
	public int shardCount() {
		Bootstrapped ready = this.bootstrapped;
		return (ready != null) ? ready.shardCount() : 0;
	}

	private void bootstrap() {
		GatewayBot gateway;
		try {
			this.bootstrapProblem = "fetching the gateway URL";
			gateway = this.bootstrap.get();
		}
		catch (InvalidTokenException ex) {
			this.bootstrapProblem = ex.getMessage();
			logger.error(ex.getMessage());
			bootstrapEnded();
			return;
		}
		catch (RuntimeException ex) {
			retryBootstrap(ex);
			return;
		}
		Bootstrapped ready = null;
		synchronized (this) {
			this.bootstrapping = false;
			if (this.running && this.bootstrapped == null) {
				ready = bootstrapped(gateway);
			}
		}
		if (ready != null) {
			this.ownership.start(ready.shardCount(), this);
		}
	}

	private synchronized void bootstrapEnded() {
		this.bootstrapping = false;
	}

	private void startBootstrapThread() {
		Thread bootstrapThread = new Thread(this::bootstrap, "discord-gateway-bootstrap");
		bootstrapThread.setDaemon(true);
		bootstrapThread.start();
	}

	private void retryBootstrap(RuntimeException failure) {
		Duration delay = this.shardTemplate.connection().backoff().delay(++this.failedBootstraps);
		this.bootstrapProblem = "could not fetch the gateway URL: " + failure.getMessage();
		logger.warn("Could not fetch the gateway URL (GET /gateway/bot): {}; retrying in {} ms", failure.getMessage(),
				delay.toMillis());
		this.scheduler.schedule(() -> {
			synchronized (this) {
				if (this.running) {
					startBootstrapThread();
				}
				else {
					this.bootstrapping = false;
				}
			}
		}, delay);
	}

	private Bootstrapped bootstrapped(GatewayBot gateway) {
		this.gatewayUrl = (this.settings.gatewayUrl() != null) ? this.settings.gatewayUrl() : gateway.url();
		this.sessionStartLimit = gateway.sessionStartLimit();
		int count = (this.settings.shardCount() != null) ? this.settings.shardCount() : Math.max(1, gateway.shards());
		IdentifyQueue identifyQueue = this.identifyQueues.apply(gateway.sessionStartLimit());
		Shard.Collaborators shared = this.collaborators.create(() -> this.gatewayUrl, identifyQueue);
		logger.info("Running shards of {} on {}", count, this.gatewayUrl);
		this.bootstrapped = new Bootstrapped(count, identifyQueue, shared);
		this.bootstrapProblem = null;
		return this.bootstrapped;
	}

	private static DispatchQueue.DeliveryObserver deliveryObserver(GatewayObserver observer) {
		return (event, lag, failure) -> {
			if (failure != null) {
				observer.listenerFailed(event, failure);
			}
			observer.dispatchHandled(event, lag);
		};
	}

	/**
	 * Whether this process runs at least one shard and every one of them has a live session.
	 */
	public boolean isReady() {
		List<ShardStatus> statuses = statuses();
		return this.bootstrapProblem == null && !statuses.isEmpty()
				&& statuses.stream().allMatch((status) -> status.state() == ShardState.READY);
	}

}
