package io.github.discordgateway.sharding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * Runs a bot's shards in this process: asks Discord where to connect ({@code GET /gateway/bot}), then starts one
 * {@link Shard} per shard id, all sharing one identify queue. Starting returns at once; the bootstrap runs on
 * its own thread and is retried with backoff, except when the token is rejected, which is final.
 */
public final class ShardManager {

	private static final Logger logger = LoggerFactory.getLogger(ShardManager.class);

	private final Settings settings;

	private final ShardSettings shardTemplate;

	private final Scheduler scheduler;

	private final CollaboratorsFactory collaborators;

	private final Supplier<GatewayBot> bootstrap;

	private final Function<GatewayBot.SessionStartLimit, IdentifyQueue> identifyQueues;

	private final DispatchListener listener;

	private final Map<Integer, Shard> shards = Collections.synchronizedMap(new TreeMap<>());

	private volatile String gatewayUrl;

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
	 * @param shardIds the shards this process runs, or an empty list for all of them
	 * @param resumableShutdown whether stopping keeps the sessions resumable
	 */
	public record Settings(String gatewayUrl, Integer shardCount, List<Integer> shardIds, boolean resumableShutdown) {
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
	 */
	public ShardManager(Settings settings, ShardSettings shardTemplate, Scheduler scheduler,
			CollaboratorsFactory collaborators, Supplier<GatewayBot> bootstrap,
			Function<GatewayBot.SessionStartLimit, IdentifyQueue> identifyQueues, DispatchListener listener) {
		this.settings = settings;
		this.shardTemplate = shardTemplate;
		this.scheduler = scheduler;
		this.collaborators = collaborators;
		this.bootstrap = bootstrap;
		this.identifyQueues = identifyQueues;
		this.listener = listener;
	}

	/**
	 * Starts the shards (or restarts them, resuming their sessions). Returns at once.
	 */
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		if (this.shards.isEmpty()) {
			if (!this.bootstrapping) {
				this.bootstrapping = true;
				startBootstrapThread();
			}
		}
		else {
			this.shards.values().forEach(Shard::start);
		}
	}

	/**
	 * Closes every shard's connection, then lets listeners finish queued events until the timeout.
	 */
	public void stop(Duration timeout) {
		List<Shard> stopping;
		synchronized (this) {
			this.running = false;
			stopping = new ArrayList<>(this.shards.values());
		}
		stopping.forEach((shard) -> shard.stop(this.settings.resumableShutdown()));
		long deadline = System.nanoTime() + timeout.toNanos();
		for (Shard shard : stopping) {
			try {
				shard.queue().stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
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
		Shard any;
		synchronized (this.shards) {
			any = this.shards.isEmpty() ? null : this.shards.values().iterator().next();
		}
		return (any != null) ? any.shardCount() : 0;
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
		synchronized (this) {
			this.bootstrapping = false;
			if (this.running && this.shards.isEmpty()) {
				startShards(gateway);
			}
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
		Duration delay = this.shardTemplate.backoff().delay(++this.failedBootstraps);
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

	private void startShards(GatewayBot gateway) {
		this.gatewayUrl = (this.settings.gatewayUrl() != null) ? this.settings.gatewayUrl() : gateway.url();
		this.sessionStartLimit = gateway.sessionStartLimit();
		int count = (this.settings.shardCount() != null) ? this.settings.shardCount() : Math.max(1, gateway.shards());
		List<Integer> ids = this.settings.shardIds().isEmpty()
				? java.util.stream.IntStream.range(0, count).boxed().toList() : this.settings.shardIds();
		IdentifyQueue identifyQueue = this.identifyQueues.apply(gateway.sessionStartLimit());
		Shard.Collaborators shared = this.collaborators.create(() -> this.gatewayUrl, identifyQueue);
		logger.info("Starting shards {} of {} on {}", ids, count, this.gatewayUrl);
		for (int id : ids) {
			ShardSettings shardSettings = this.shardTemplate.forShard(id, count);
			Shard shard = new Shard(shardSettings, shared,
					new DispatchQueue(id, shardSettings.eventQueueCapacity(), this.listener,
							deliveryObserver(shared.observer())));
			this.shards.put(id, shard);
		}
		this.bootstrapProblem = null;
		this.shards.values().forEach(Shard::start);
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
	 * Whether every shard's session is live.
	 */
	public boolean isReady() {
		List<ShardStatus> statuses = statuses();
		return this.bootstrapProblem == null && !statuses.isEmpty()
				&& statuses.stream().allMatch((status) -> status.state() == ShardState.READY);
	}

}
