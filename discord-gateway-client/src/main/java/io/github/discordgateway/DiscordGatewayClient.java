package io.github.discordgateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

import jakarta.websocket.WebSocketContainer;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.web.client.RestClient;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import io.github.discordgateway.command.DiscordGateway;
import io.github.discordgateway.command.GuildMemberRequests;
import io.github.discordgateway.event.DeliveryExecutor;
import io.github.discordgateway.event.DispatchListener;
import io.github.discordgateway.event.DispatchQueue;
import io.github.discordgateway.event.ObservedDispatchListener;
import io.github.discordgateway.event.TypedDispatchEventFactory;
import io.github.discordgateway.protocol.ConnectionProperties;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.Identify;
import io.github.discordgateway.protocol.Intent;
import io.github.discordgateway.protocol.Opcode;
import io.github.discordgateway.protocol.UpdatePresence;
import io.github.discordgateway.rest.DiscordRestClients;
import io.github.discordgateway.rest.GatewayBotClient;
import io.github.discordgateway.session.Backoff;
import io.github.discordgateway.session.CallbackExecutor;
import io.github.discordgateway.session.ConnectionSettings;
import io.github.discordgateway.session.DeliverySettings;
import io.github.discordgateway.session.DispatchWatchdog;
import io.github.discordgateway.session.ExecutorScheduler;
import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.session.IdentifySettings;
import io.github.discordgateway.session.InMemorySessionStore;
import io.github.discordgateway.session.SessionStore;
import io.github.discordgateway.session.Shard;
import io.github.discordgateway.session.ShardSettings;
import io.github.discordgateway.session.ShardStatus;
import io.github.discordgateway.sharding.ShardIds;
import io.github.discordgateway.sharding.ShardManager;
import io.github.discordgateway.sharding.ShardOwnership;
import io.github.discordgateway.transport.GatewayUrl;
import io.github.discordgateway.transport.OutboundPayloadSize;
import io.github.discordgateway.transport.WebSocketGatewayTransport;
import io.github.discordgateway.transport.compression.TransportCompression;

/**
 * A bot's connection to the Discord Gateway: its shards, their sessions and the commands it sends. Works in a plain
 * {@code main} as in a Spring application:
 * <pre>{@code
 * try (DiscordGatewayClient client = DiscordGatewayClient.builder()
 *         .token(System.getenv("DISCORD_TOKEN"))
 *         .intents(Intent.GUILDS, Intent.GUILD_MESSAGES)
 *         .eventSink((event) -> System.out.println(event.getName()))
 *         .build()) {
 *     client.start();
 *     ...
 * }
 * }</pre>
 * The client owns its threads and ends them when it is {@linkplain #close() closed}: one timer thread, the
 * bootstrap thread, a callback thread, the WebSocket container's unless a WebSocket client is given, and the
 * delivery threads its shards share (see {@link DeliveryExecutor}): a virtual thread per delivery on Java 21 and
 * later, else a pool of at most {@linkplain Builder#maxDeliveryThreads 64} platform threads whose idle threads
 * end. No shard has a thread of its own. The event sink runs on the delivery threads, in order per shard, never
 * on the timer thread.
 *
 * @since 0.1.0
 */
public final class DiscordGatewayClient implements AutoCloseable {

	/**
	 * How long {@link #close()} waits for the delivery threads once the shards have stopped: they already had the
	 * shutdown timeout to finish, so only a listener that ignored its interrupt is still running.
	 */
	public static final Duration DELIVERY_SHUTDOWN_TIMEOUT = Duration.ofSeconds(1);

	private final ShardManager shardManager;

	private final DiscordGateway gateway;

	private final ScheduledThreadPoolExecutor timers;

	private final DeliveryExecutor delivery;

	private final WebSocketContainer ownedContainer;

	private final Duration shutdownTimeout;

	private boolean closed;

	private DiscordGatewayClient(ShardManager shardManager, DiscordGateway gateway, ScheduledThreadPoolExecutor timers,
			DeliveryExecutor delivery, WebSocketContainer ownedContainer, Duration shutdownTimeout) {
		this.shardManager = shardManager;
		this.gateway = gateway;
		this.timers = timers;
		this.delivery = delivery;
		this.ownedContainer = ownedContainer;
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * A builder for a client.
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Connects the shards (or reconnects them after {@link #stop}, resuming their sessions). Returns at once: the
	 * bootstrap ({@code GET /gateway/bot}) runs on its own thread and is retried with backoff.
	 * @throws IllegalStateException if the client is closed
	 */
	public synchronized void start() {
		if (this.closed) {
			throw new IllegalStateException("The client is closed");
		}
		this.shardManager.start();
	}

	/**
	 * Disconnects the shards and lets the event sink finish the events already received, for up to the
	 * {@linkplain Builder#shutdownTimeout shutdown timeout}. The client may be started again.
	 */
	public void stop() {
		stop(this.shutdownTimeout);
	}

	/**
	 * Disconnects the shards and lets the event sink finish the events already received, for up to the timeout.
	 * The client may be started again.
	 */
	public void stop(Duration timeout) {
		this.shardManager.stop(timeout);
	}

	/**
	 * Stops the client (see {@link #stop()}), fails the commands still queued (a stop alone keeps them for the
	 * restart) and ends its threads; a delivery thread still busy in a listener that ignored the stop gets
	 * {@link #DELIVERY_SHUTDOWN_TIMEOUT} more, then an interrupt. It cannot be started again.
	 */
	@Override
	public void close() {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
		}
		try {
			stop();
			for (ShardStatus status : this.shardManager.statuses()) {
				this.shardManager.shard(status.shardId()).failQueuedCommands("The gateway client is closed");
			}
		}
		finally {
			this.timers.shutdownNow();
			this.delivery.shutdown(DELIVERY_SHUTDOWN_TIMEOUT);
			if (this.ownedContainer != null) {
				OwnedWebSocketContainer.release(this.ownedContainer);
			}
		}
	}

	/**
	 * Whether the client has been started and not stopped since.
	 */
	public boolean isRunning() {
		return this.shardManager.isRunning();
	}

	/**
	 * Whether every shard's session is live.
	 */
	public boolean isReady() {
		return this.shardManager.isReady();
	}

	/**
	 * Every shard's status, by shard id.
	 */
	public List<ShardStatus> statuses() {
		return this.shardManager.statuses();
	}

	/**
	 * The commands a bot sends on the gateway.
	 */
	public DiscordGateway gateway() {
		return this.gateway;
	}

	/**
	 * The shards this client runs.
	 */
	public ShardManager shardManager() {
		return this.shardManager;
	}

	@Override
	public String toString() {
		return "DiscordGatewayClient[shards=" + this.shardManager.statuses() + "]";
	}

	/**
	 * Builds a {@link DiscordGatewayClient}. Only the {@linkplain #token token} and the {@linkplain #eventSink
	 * event sink} are required; every other setting has a default that works with Discord.
	 */
	public static final class Builder {

		/** Discord's HTTP API, version 10. */
		public static final String DEFAULT_REST_BASE_URL = "https://discord.com/api/v10";

		private static final long MIN_MAX_MESSAGE_SIZE = 64 * 1024;

		/** Uniform values in [0, 1), for the heartbeat, backoff and op 9 jitter. */
		static final DoubleSupplier UNIFORM_RANDOM = () -> ThreadLocalRandom.current().nextDouble();

		private String token;

		private Set<Intent> intents = Intent.nonPrivileged();

		private Integer shardCount;

		private List<Integer> shardIds = List.of();

		private ShardOwnership shardOwnership;

		private DispatchListener eventSink;

		private String gatewayUrl;

		private String restBaseUrl = DEFAULT_REST_BASE_URL;

		private TransportCompression compression = TransportCompression.ZLIB_STREAM;

		private long maxMessageSize = 64 * 1024 * 1024;

		private int eventQueueCapacity = DispatchQueue.DEFAULT_CAPACITY;

		private long eventQueueMaxBytes = DispatchQueue.DEFAULT_MAX_BYTES;

		private int maxDeliveryThreads = DeliveryExecutor.DEFAULT_MAX_THREADS;

		private Duration stuckListenerThreshold = DeliverySettings.DEFAULT_STUCK_LISTENER_THRESHOLD;

		private int largeThreshold = 50;

		private UpdatePresence presence;

		private Duration backoffBase = Duration.ofSeconds(1);

		private Duration backoffMax = Duration.ofSeconds(60);

		private int maxFailedResumes = 3;

		private Duration invalidSessionDelayMin = Duration.ofSeconds(1);

		private Duration invalidSessionDelayMax = Duration.ofSeconds(5);

		private Duration memberRequestTimeout = Duration.ofSeconds(30);

		private Duration shutdownTimeout = Duration.ofSeconds(10);

		private boolean resumableShutdown = true;

		private WebSocketClient webSocketClient;

		private RestClient restClient;

		private RestClient.Builder restClientBuilder;

		private GatewayJson json;

		private IdentifyQueueFactory identifyQueues = IdentifyQueueFactory.local();

		private SessionStore sessionStore;

		private Duration helloTimeout = ConnectionSettings.DEFAULT_HELLO_TIMEOUT;

		private Duration sessionSaveInterval = DeliverySettings.DEFAULT_SESSION_SAVE_INTERVAL;

		private DispatchWatchdog watchdog = DispatchWatchdog.OFF;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private final List<GatewayObserver> observers = new ArrayList<>();

		private DoubleSupplier random = UNIFORM_RANDOM;

		private Builder() {
		}

		/**
		 * The bot token from the developer portal, with or without the {@code Bot } prefix. Required.
		 */
		public Builder token(String token) {
			this.token = token;
			return this;
		}

		/**
		 * The intents to identify with. Defaults to every non-privileged intent.
		 */
		public Builder intents(Intent... intents) {
			return intents(Arrays.asList(intents));
		}

		/**
		 * The intents to identify with. Defaults to every non-privileged intent.
		 */
		public Builder intents(Collection<Intent> intents) {
			this.intents = intents.isEmpty() ? EnumSet.noneOf(Intent.class) : EnumSet.copyOf(intents);
			return this;
		}

		/**
		 * Runs all of this many shards. Defaults to Discord's recommendation.
		 */
		public Builder shards(int shardCount) {
			return shards(shardCount, List.of());
		}

		/**
		 * Runs these shards of a bot that has {@code shardCount} of them (the others run in other processes).
		 * @param shardIds ids from 0 to {@code shardCount - 1}; empty for all
		 */
		public Builder shards(int shardCount, Collection<Integer> shardIds) {
			this.shardCount = shardCount;
			this.shardIds = List.copyOf(shardIds);
			return this;
		}

		/**
		 * Runs these shards of a bot that has {@code shardCount} of them (the others run in other processes).
		 * @param shardIds ids and inclusive ranges from 0 to {@code shardCount - 1}, such as {@code 0-15,20};
		 * blank for all
		 * @throws IllegalArgumentException if a part is neither an id nor a range
		 */
		public Builder shards(int shardCount, String shardIds) {
			return shards(shardCount, ShardIds.parse(shardIds));
		}

		/**
		 * Decides at runtime which shards this process runs (e.g. by leases shared with other processes), in
		 * place of fixed {@linkplain #shards(int, Collection) shard ids}. Defaults to the fixed ids, or all shards.
		 */
		public Builder shardOwnership(ShardOwnership shardOwnership) {
			this.shardOwnership = shardOwnership;
			return this;
		}

		/**
		 * Receives every dispatch, in sequence order per shard, on a {@linkplain #maxDeliveryThreads delivery
		 * thread}. Required.
		 */
		public Builder eventSink(DispatchListener eventSink) {
			this.eventSink = eventSink;
			return this;
		}

		/**
		 * A gateway URL to connect to instead of the one {@code GET /gateway/bot} names; the client adds the query.
		 */
		public Builder gatewayUrl(String gatewayUrl) {
			this.gatewayUrl = gatewayUrl;
			return this;
		}

		/**
		 * The base URL of Discord's HTTP API. Defaults to {@value #DEFAULT_REST_BASE_URL}. Ignored when a
		 * {@linkplain #restClient(RestClient) RestClient} is given.
		 */
		public Builder restBaseUrl(String restBaseUrl) {
			this.restBaseUrl = restBaseUrl;
			return this;
		}

		/**
		 * The transport compression. Defaults to zlib-stream. zstd-stream needs {@code com.github.luben:zstd-jni}
		 * on the class path: without it {@link #build()} refuses the setting.
		 */
		public Builder compression(TransportCompression compression) {
			this.compression = compression;
			return this;
		}

		/**
		 * The largest gateway message accepted after decompression, in bytes (at least 64 KB). Defaults to 64 MB.
		 */
		public Builder maxMessageSize(long bytes) {
			this.maxMessageSize = bytes;
			return this;
		}

		/**
		 * Dispatches per shard that may wait for the event sink before the socket reader pauses. Defaults to
		 * {@value DispatchQueue#DEFAULT_CAPACITY}.
		 */
		public Builder eventQueueCapacity(int eventQueueCapacity) {
			this.eventQueueCapacity = eventQueueCapacity;
			return this;
		}

		/**
		 * Bytes of dispatch data per shard that may wait for the event sink before the socket reader pauses (an
		 * event larger than this alone is still taken, once the queue is empty). Defaults to 64 MB.
		 */
		public Builder eventQueueMaxBytes(long eventQueueMaxBytes) {
			this.eventQueueMaxBytes = eventQueueMaxBytes;
			return this;
		}

		/**
		 * The most platform threads that deliver events at once, shared by all shards, on Java 17 to 20: up to this
		 * many shards deliver as if each had its own thread; more share them, in order per shard, a flooded shard
		 * taking turns with the others. A listener that blocks holds one of them meanwhile, and once all are held
		 * every shard waits. Idle threads end after a minute. On Java 21 and later each delivery runs on a virtual
		 * thread and this bound does not apply. Defaults to {@value DeliveryExecutor#DEFAULT_MAX_THREADS}.
		 */
		public Builder maxDeliveryThreads(int maxDeliveryThreads) {
			this.maxDeliveryThreads = maxDeliveryThreads;
			return this;
		}

		/**
		 * How long the event sink may be busy with one event before it is reported stuck (logged once with the
		 * delivery thread's stack, told to the observers, shown in the shard's status). Defaults to 30 s.
		 */
		public Builder stuckListenerThreshold(Duration stuckListenerThreshold) {
			this.stuckListenerThreshold = stuckListenerThreshold;
			return this;
		}

		/**
		 * Member count (50-250) above which a guild's offline members are not sent. Defaults to 50.
		 */
		public Builder largeThreshold(int largeThreshold) {
			this.largeThreshold = largeThreshold;
			return this;
		}

		/**
		 * The presence to identify with. Defaults to none (Discord shows the bot online).
		 */
		public Builder presence(UpdatePresence presence) {
			this.presence = presence;
			return this;
		}

		/**
		 * The waits between reconnect attempts: the first is immediate, then up to {@code base}, doubling (with
		 * full jitter) up to {@code max}. Defaults to 1 s and 60 s.
		 */
		public Builder reconnectBackoff(Duration base, Duration max) {
			this.backoffBase = base;
			this.backoffMax = max;
			return this;
		}

		/**
		 * Failed resumes in a row after which the session is given up for a new Identify. Defaults to 3.
		 */
		public Builder maxFailedResumes(int maxFailedResumes) {
			this.maxFailedResumes = maxFailedResumes;
			return this;
		}

		/**
		 * The range of the random wait before identifying anew after an Invalid Session. Defaults to 1-5 s.
		 */
		public Builder invalidSessionDelay(Duration min, Duration max) {
			this.invalidSessionDelayMin = min;
			this.invalidSessionDelayMax = max;
			return this;
		}

		/**
		 * How long a guild member request may wait for its chunks. Defaults to 30 s.
		 */
		public Builder memberRequestTimeout(Duration memberRequestTimeout) {
			this.memberRequestTimeout = memberRequestTimeout;
			return this;
		}

		/**
		 * How long {@link DiscordGatewayClient#stop()} and {@link DiscordGatewayClient#close()} let the event sink
		 * finish the events already received. Defaults to 10 s.
		 */
		public Builder shutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
			return this;
		}

		/**
		 * Whether the sessions stay resumable after a stop (close code 4900), so that a restart soon after resumes;
		 * when false the bot logs out (1000) and shows offline at once. Defaults to true.
		 */
		public Builder resumableShutdown(boolean resumableShutdown) {
			this.resumableShutdown = resumableShutdown;
			return this;
		}

		/**
		 * The WebSocket client to connect with; the caller keeps ownership of it. Defaults to one on the JSR-356
		 * container found on the class path (Tomcat's), which the client releases when it closes.
		 */
		public Builder webSocketClient(WebSocketClient webSocketClient) {
			this.webSocketClient = webSocketClient;
			return this;
		}

		/**
		 * A {@link RestClient} for Discord's HTTP API, used as is: it must carry the base URL and the bot's
		 * authorization (see {@link DiscordRestClients}).
		 */
		public Builder restClient(RestClient restClient) {
			this.restClient = restClient;
			return this;
		}

		/**
		 * A builder to make the {@link RestClient} from (a copy of it, with the {@linkplain #restBaseUrl base URL},
		 * the authorization and Discord's User-Agent added). Defaults to {@link RestClient#builder()}.
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			this.restClientBuilder = restClientBuilder;
			return this;
		}

		/**
		 * The JSON codec. Defaults to a new {@link GatewayJson}.
		 */
		public Builder json(GatewayJson json) {
			this.json = json;
			return this;
		}

		/**
		 * Makes the identify queue the shards share. Defaults to {@link IdentifyQueueFactory#local()}, for this
		 * process alone; shards spread over several processes need one that coordinates them.
		 */
		public Builder identifyQueues(IdentifyQueueFactory identifyQueues) {
			this.identifyQueues = identifyQueues;
			return this;
		}

		/**
		 * Where the shards keep their resumable sessions. Defaults to memory ({@link InMemorySessionStore}): a
		 * restarted process then identifies anew; a store that outlives the process lets it resume.
		 */
		public Builder sessionStore(SessionStore sessionStore) {
			this.sessionStore = sessionStore;
			return this;
		}

		/**
		 * How often each shard saves the sequence its listener reached to the {@linkplain #sessionStore session
		 * store} while it moves (besides at READY, RESUMED and stop): what a process that dies replays at most.
		 * Defaults to 1 s.
		 */
		public Builder sessionSaveInterval(Duration sessionSaveInterval) {
			this.sessionSaveInterval = sessionSaveInterval;
			return this;
		}

		/**
		 * How long a new connection may stay silent before its Hello; then the shard closes it and reconnects,
		 * still resuming. Defaults to 30 s.
		 */
		public Builder helloTimeout(Duration helloTimeout) {
			this.helloTimeout = helloTimeout;
			return this;
		}

		/**
		 * The "connected but deaf" watchdog: a ready session whose heartbeats are acknowledged but that brings no
		 * dispatch for a while is reported in its {@link io.github.discordgateway.session.ShardActivity} and, if
		 * the watchdog says so, resumed on a new connection. Off by default (quiet bots exist).
		 */
		public Builder watchdog(DispatchWatchdog watchdog) {
			this.watchdog = watchdog;
			return this;
		}

		/**
		 * Observes each listener dispatch (an {@link io.micrometer.observation.Observation} named
		 * {@value io.github.discordgateway.event.DispatchObservationConvention#NAME}), so that tracing gives every
		 * event its span. None by default.
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Adds an observer of what the shards do (metrics, for one). Observers run on the gateway's threads and
		 * must not block.
		 */
		public Builder observer(GatewayObserver observer) {
			this.observers.add(Objects.requireNonNull(observer, "observer must not be null"));
			return this;
		}

		/**
		 * Replaces the jitter source, so that tests can fix it.
		 */
		Builder random(DoubleSupplier random) {
			this.random = random;
			return this;
		}

		/**
		 * The settings every shard starts from, as configured.
		 */
		ShardSettings shardTemplate(String bareToken) {
			return new ShardSettings(0, 1,
					new IdentifySettings(bareToken, Intent.bitfield(this.intents), this.largeThreshold,
							ConnectionProperties.ofThisLibrary(), this.presence),
					new ConnectionSettings(this.compression.queryValue(), this.helloTimeout,
							new Backoff(this.backoffBase, this.backoffMax, this.random), this.invalidSessionDelayMin,
							this.invalidSessionDelayMax, this.maxFailedResumes),
					new DeliverySettings(this.eventQueueCapacity, this.eventQueueMaxBytes, this.stuckListenerThreshold,
							this.sessionSaveInterval),
					this.watchdog);
		}

		/**
		 * The most platform threads the shards deliver on, as configured.
		 */
		int maxDeliveryThreads() {
			return this.maxDeliveryThreads;
		}

		/**
		 * The registry listener dispatches are observed with, as configured.
		 */
		ObservationRegistry dispatchObservationRegistry() {
			return this.observationRegistry;
		}

		/**
		 * Builds the client; nothing connects before {@link DiscordGatewayClient#start()}.
		 * @throws IllegalArgumentException if a setting cannot work, naming it
		 */
		public DiscordGatewayClient build() {
			String bareToken = bareToken(this.token);
			validate();
			GatewayJson codec = (this.json != null) ? this.json : new GatewayJson();
			checkIdentifySize(bareToken, codec);
			ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, new TimerThreads());
			timers.setRemoveOnCancelPolicy(true);
			ExecutorScheduler scheduler = new ExecutorScheduler(timers);
			WebSocketContainer ownedContainer = (this.webSocketClient != null) ? null : OwnedWebSocketContainer.create();
			WebSocketClient socketClient = (this.webSocketClient != null) ? this.webSocketClient
					: new StandardWebSocketClient(ownedContainer);
			WebSocketGatewayTransport transport = new WebSocketGatewayTransport(socketClient,
					(int) Math.min(this.maxMessageSize, Integer.MAX_VALUE - 8), this.compression);
			RestClient rest = (this.restClient != null) ? this.restClient : DiscordRestClients.create(
					(this.restClientBuilder != null) ? this.restClientBuilder.clone() : RestClient.builder(),
					this.restBaseUrl, bareToken);
			CallbackExecutor callbacks = new CallbackExecutor("discord-gateway-callbacks");
			GuildMemberRequests memberRequests = new GuildMemberRequests(scheduler, this.memberRequestTimeout, callbacks);
			List<GatewayObserver> allObservers = new ArrayList<>(this.observers);
			allObservers.add(memberRequests);
			GatewayObserver observer = new CompositeGatewayObserver(allObservers);
			TypedDispatchEventFactory events = new TypedDispatchEventFactory(codec);
			ShardSettings template = shardTemplate(bareToken);
			ShardManager.Settings settings = new ShardManager.Settings(this.gatewayUrl, this.shardCount,
					this.resumableShutdown);
			ShardOwnership ownership = (this.shardOwnership != null) ? this.shardOwnership
					: ShardOwnership.fixed(this.shardIds);
			IdentifyQueueFactory queues = this.identifyQueues;
			SessionStore sessions = (this.sessionStore != null) ? this.sessionStore : new InMemorySessionStore();
			DoubleSupplier random = this.random;
			DeliveryExecutor delivery = DeliveryExecutor.create(this.maxDeliveryThreads);
			ShardManager shardManager = new ShardManager(settings, template, scheduler,
					(gatewayUrl, identifyQueue) -> new Shard.Collaborators(transport, scheduler, codec, identifyQueue,
							sessions, observer, callbacks, gatewayUrl, events, random),
					new GatewayBotClient(rest, codec), (limit) -> queues.create(limit, scheduler), listener(), delivery,
					ownership);
			return new DiscordGatewayClient(shardManager, new DiscordGateway(shardManager, memberRequests), timers,
					delivery, ownedContainer, this.shutdownTimeout);
		}

		private DispatchListener listener() {
			return this.observationRegistry.isNoop() ? this.eventSink
					: new ObservedDispatchListener(this.eventSink, this.observationRegistry);
		}

		private static String bareToken(String token) {
			require(token != null && !token.isBlank(), "token is required (the bot token from the developer portal)");
			String stripped = token.strip();
			return stripped.startsWith("Bot ") ? stripped.substring(4).strip() : stripped;
		}

		private void validate() {
			require(this.eventSink != null, "eventSink is required: it receives the dispatches");
			require(this.gatewayUrl == null || GatewayUrl.problem(this.gatewayUrl) == null,
					"gatewayUrl '" + this.gatewayUrl + "' " + GatewayUrl.problem(this.gatewayUrl)
							+ " (e.g. wss://gateway.discord.gg; or leave it unset to use the URL Discord names)");
			require(this.intents != null, "intents must not be null");
			require(this.largeThreshold >= 50 && this.largeThreshold <= 250,
					"largeThreshold must be from 50 to 250 (Discord closes with 4001 otherwise), was "
							+ this.largeThreshold);
			require(this.shardCount == null || this.shardCount >= 1,
					"shard count must be at least 1, was " + this.shardCount);
			require(this.shardOwnership == null || this.shardIds.isEmpty(),
					"shard ids and a shard ownership exclude each other: the ownership decides which shards run");
			for (Integer id : this.shardIds) {
				require(id != null && id >= 0 && id < this.shardCount,
						"shard ids must be from 0 to shard count - 1, were " + this.shardIds);
			}
			require(this.compression != null, "compression must not be null (TransportCompression.NONE for none)");
			requireAvailable(this.compression);
			require(this.maxMessageSize >= MIN_MAX_MESSAGE_SIZE,
					"maxMessageSize must be at least 64 KB (READY alone can be larger), was " + this.maxMessageSize);
			require(this.eventQueueCapacity >= 1, "eventQueueCapacity must be at least 1, was " + this.eventQueueCapacity);
			require(this.eventQueueMaxBytes >= 1, "eventQueueMaxBytes must be at least 1, was " + this.eventQueueMaxBytes);
			require(this.maxDeliveryThreads >= 1,
					"maxDeliveryThreads must be at least 1, was " + this.maxDeliveryThreads);
			positive(this.stuckListenerThreshold, "stuckListenerThreshold");
			require(this.restClient != null || (this.restBaseUrl != null && !this.restBaseUrl.isBlank()),
					"restBaseUrl must not be blank");
			positive(this.backoffBase, "reconnect backoff base");
			require(this.backoffMax != null && this.backoffMax.compareTo(this.backoffBase) >= 0,
					"reconnect backoff max must not be below the base, was " + this.backoffMax);
			require(this.maxFailedResumes >= 1, "maxFailedResumes must be at least 1, was " + this.maxFailedResumes);
			require(this.invalidSessionDelayMin != null && !this.invalidSessionDelayMin.isNegative(),
					"invalid session delay min must not be negative, was " + this.invalidSessionDelayMin);
			require(this.invalidSessionDelayMax != null
					&& this.invalidSessionDelayMax.compareTo(this.invalidSessionDelayMin) >= 0,
					"invalid session delay max must not be below the min, was " + this.invalidSessionDelayMax);
			positive(this.memberRequestTimeout, "memberRequestTimeout");
			require(this.shutdownTimeout != null && !this.shutdownTimeout.isNegative(),
					"shutdownTimeout must not be negative, was " + this.shutdownTimeout);
			require(this.identifyQueues != null, "identifyQueues must not be null");
			positive(this.helloTimeout, "helloTimeout");
			positive(this.sessionSaveInterval, "sessionSaveInterval");
			require(this.observationRegistry != null, "observationRegistry must not be null");
			require(this.watchdog != null, "watchdog must not be null (DispatchWatchdog.OFF for none)");
		}

		/**
		 * Refuses a presence that makes Identify too large for Discord, which would close with 4002 and the shard
		 * identify again, in a loop. Counts the widest shard ids, so that no shard's Identify can be larger.
		 */
		private void checkIdentifySize(String bareToken, GatewayJson codec) {
			Identify identify = new Identify(bareToken, ConnectionProperties.ofThisLibrary(), this.largeThreshold,
					new int[] { Integer.MAX_VALUE - 1, Integer.MAX_VALUE }, this.presence, Intent.bitfield(this.intents));
			int size = codec.encode(Opcode.IDENTIFY, identify).getBytes(StandardCharsets.UTF_8).length;
			require(size <= OutboundPayloadSize.MAX_BYTES,
					"presence is too large: Identify would be up to " + size + " bytes, over Discord's limit of "
							+ OutboundPayloadSize.MAX_BYTES + " (Discord would close every connection with 4002)");
		}

		/**
		 * Refuses a compression that cannot work here (zstd-stream without zstd-jni), which would otherwise fail
		 * every connection attempt.
		 */
		private static void requireAvailable(TransportCompression compression) {
			try {
				compression.requireAvailable();
			}
			catch (IllegalStateException ex) {
				throw new IllegalArgumentException("compression " + compression + " cannot be used: " + ex.getMessage(),
						ex);
			}
		}

		private static void positive(Duration value, String name) {
			require(value != null && value.toMillis() > 0, name + " must be positive, was " + value);
		}

		private static void require(boolean valid, String message) {
			if (!valid) {
				throw new IllegalArgumentException(message);
			}
		}

	}

	/**
	 * Names the client's timer threads; daemons, so a forgotten {@code close()} does not keep the JVM alive.
	 */
	private static final class TimerThreads implements ThreadFactory {

		private static final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "discord-gateway-timer-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
