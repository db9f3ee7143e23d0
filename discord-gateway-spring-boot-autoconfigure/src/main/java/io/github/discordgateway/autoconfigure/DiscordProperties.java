package io.github.discordgateway.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import io.github.discordgateway.protocol.Intent;
import io.github.discordgateway.transport.compression.TransportCompression;

/**
 * Configuration properties for a Discord bot. Once bound they are checked by property name (see
 * {@link #afterPropertiesSet()}), whichever beans the application replaces.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("discord")
public class DiscordProperties implements InitializingBean {

	/**
	 * Bot token from the Discord developer portal (Bot > Token). Also read from the DISCORD_TOKEN environment
	 * variable.
	 */
	private String token;

	/**
	 * Whether the REST base URL and the gateway URL may be plain http/ws to a host that is not loopback, sending
	 * the token unencrypted. Only for a test environment; certificate and host name checks cannot be turned off.
	 */
	private boolean insecureTransportAllowedForTestingOnly;

	private final Ssl ssl = new Ssl();

	private final Rest rest = new Rest();

	private final Gateway gateway = new Gateway();

	public String getToken() {
		return this.token;
	}

	public void setToken(String token) {
		this.token = token;
	}

	public boolean isInsecureTransportAllowedForTestingOnly() {
		return this.insecureTransportAllowedForTestingOnly;
	}

	public void setInsecureTransportAllowedForTestingOnly(boolean insecureTransportAllowedForTestingOnly) {
		this.insecureTransportAllowedForTestingOnly = insecureTransportAllowedForTestingOnly;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Rest getRest() {
		return this.rest;
	}

	public Gateway getGateway() {
		return this.gateway;
	}

	/**
	 * Rejects gateway settings that Discord would refuse or that cannot work.
	 * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException naming
	 * the property and why
	 */
	@Override
	public void afterPropertiesSet() {
		DiscordPropertiesValidator.validate(this.gateway);
	}

	@Override
	public String toString() {
		return "DiscordProperties[token=" + ((this.token != null) ? "(hidden)" : null) + "]";
	}

	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) whose trust material the REST client and the gateway's
		 * WebSocket client use, e.g. for a proxy with its own certificate authority. Defaults to the JVM's trust
		 * store.
		 */
		private String bundle;

		public String getBundle() {
			return this.bundle;
		}

		public void setBundle(String bundle) {
			this.bundle = bundle;
		}

	}

	public static class Rest {

		/**
		 * Base URL of Discord's HTTP API, used for GET /gateway/bot and by the auto-configured RestClient. Only
		 * requests under it get the bot token and are rate limited.
		 */
		private String baseUrl = "https://discord.com/api/v10";

		private final RateLimit rateLimit = new RateLimit();

		public String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
		}

		public RateLimit getRateLimit() {
			return this.rateLimit;
		}

	}

	public static class RateLimit {

		/**
		 * How many times a request answered 429 Too Many Requests is sent again, after waiting the retry_after
		 * Discord asks for, before it fails with RateLimitExceededException.
		 */
		private int maxRetries = 3;

		/**
		 * The bot's global REST limit in requests per second (50 unless Discord raised it for the bot).
		 */
		private int globalRequestsPerSecond = 50;

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public int getGlobalRequestsPerSecond() {
			return this.globalRequestsPerSecond;
		}

		public void setGlobalRequestsPerSecond(int globalRequestsPerSecond) {
			this.globalRequestsPerSecond = globalRequestsPerSecond;
		}

	}

	public static class Gateway {

		/**
		 * Whether to connect to the gateway.
		 */
		private boolean enabled = true;

		/**
		 * Whether to connect when the application starts. When false, start the 'discordGatewayLifecycle' bean
		 * yourself.
		 */
		private boolean autoStartup = true;

		/**
		 * Gateway URL to connect to instead of the one GET /gateway/bot names, e.g. 'wss://gateway.discord.gg'. The
		 * query (v, encoding, compress) is added by the client.
		 */
		private String url;

		/**
		 * Intents to identify with, by name (e.g. GUILDS, GUILD_MESSAGES, MESSAGE_CONTENT). Defaults to every
		 * non-privileged intent; privileged ones (GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT) must also be
		 * enabled in the developer portal.
		 */
		private Set<Intent> intents = Intent.nonPrivileged();

		/**
		 * Member count (50-250) above which a guild's offline members are not sent.
		 */
		private int largeThreshold = 50;

		/**
		 * Number of shards the bot runs. Defaults to Discord's recommendation from GET /gateway/bot.
		 */
		private Integer shardCount;

		/**
		 * Shards this process runs, when the bot's shards are spread over several processes: ids and inclusive
		 * ranges such as 0-15,20. Defaults to all, or, with coordination on, the shards this process claims.
		 */
		private List<String> shardIds = new ArrayList<>();

		/**
		 * Transport compression of the gateway connection: zlib-stream (the JDK inflates it), zstd-stream (needs
		 * com.github.luben:zstd-jni on the class path; start-up fails without it) or none.
		 */
		private TransportCompression compression = TransportCompression.ZLIB_STREAM;

		/**
		 * Largest gateway message accepted (after decompression). A larger one is skipped and logged, without
		 * holding it in memory; the connection carries on.
		 */
		private DataSize maxMessageSize = DataSize.ofMegabytes(64);

		/**
		 * Dispatches per shard that may wait for slow listeners before the socket reader pauses (no event is
		 * dropped). A larger queue holds more memory under a backlog and makes every young collection copy it.
		 */
		private int eventQueueCapacity = 1_000;

		/**
		 * Bytes of dispatch data per shard that may wait for slow listeners before the socket reader pauses (no
		 * event is dropped; an event larger than this alone is still taken once the queue is empty).
		 */
		private DataSize eventQueueMaxBytes = DataSize.ofMegabytes(64);

		/**
		 * How long a listener may be busy with one event before it is reported stuck: logged once with the delivery
		 * thread's stack, and the shard shown DOWN in health until the listener returns.
		 */
		private Duration stuckListenerThreshold = Duration.ofSeconds(30);

		/**
		 * How long a guild member request may wait for its member chunks.
		 */
		private Duration memberRequestTimeout = Duration.ofSeconds(30);

		/**
		 * How long a new connection may stay silent before the gateway's Hello; then it is closed and the shard
		 * reconnects, still resuming.
		 */
		private Duration helloTimeout = Duration.ofSeconds(30);

		private final Presence presence = new Presence();

		private final Reconnect reconnect = new Reconnect();

		private final Shutdown shutdown = new Shutdown();

		private final SessionStorage session = new SessionStorage();

		private final Coordination coordination = new Coordination();

		private final Watchdog watchdog = new Watchdog();

		private final Delivery delivery = new Delivery();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isAutoStartup() {
			return this.autoStartup;
		}

		public void setAutoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;
		}

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public Set<Intent> getIntents() {
			return this.intents;
		}

		public void setIntents(Set<Intent> intents) {
			this.intents = intents;
		}

		public int getLargeThreshold() {
			return this.largeThreshold;
		}

		public void setLargeThreshold(int largeThreshold) {
			this.largeThreshold = largeThreshold;
		}

		public Integer getShardCount() {
			return this.shardCount;
		}

		public void setShardCount(Integer shardCount) {
			this.shardCount = shardCount;
		}

		public List<String> getShardIds() {
			return this.shardIds;
		}

		public void setShardIds(List<String> shardIds) {
			this.shardIds = shardIds;
		}

		public TransportCompression getCompression() {
			return this.compression;
		}

		public void setCompression(TransportCompression compression) {
			this.compression = compression;
		}

		public DataSize getMaxMessageSize() {
			return this.maxMessageSize;
		}

		public void setMaxMessageSize(DataSize maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
		}

		public int getEventQueueCapacity() {
			return this.eventQueueCapacity;
		}

		public void setEventQueueCapacity(int eventQueueCapacity) {
			this.eventQueueCapacity = eventQueueCapacity;
		}

		public DataSize getEventQueueMaxBytes() {
			return this.eventQueueMaxBytes;
		}

		public void setEventQueueMaxBytes(DataSize eventQueueMaxBytes) {
			this.eventQueueMaxBytes = eventQueueMaxBytes;
		}

		public Duration getStuckListenerThreshold() {
			return this.stuckListenerThreshold;
		}

		public void setStuckListenerThreshold(Duration stuckListenerThreshold) {
			this.stuckListenerThreshold = stuckListenerThreshold;
		}

		public Duration getHelloTimeout() {
			return this.helloTimeout;
		}

		public void setHelloTimeout(Duration helloTimeout) {
			this.helloTimeout = helloTimeout;
		}

		public Duration getMemberRequestTimeout() {
			return this.memberRequestTimeout;
		}

		public void setMemberRequestTimeout(Duration memberRequestTimeout) {
			this.memberRequestTimeout = memberRequestTimeout;
		}

		public Presence getPresence() {
			return this.presence;
		}

		public Reconnect getReconnect() {
			return this.reconnect;
		}

		public Coordination getCoordination() {
			return this.coordination;
		}

		public Shutdown getShutdown() {
			return this.shutdown;
		}

		public SessionStorage getSession() {
			return this.session;
		}

		public Watchdog getWatchdog() {
			return this.watchdog;
		}

		public Delivery getDelivery() {
			return this.delivery;
		}

	}

	/**
	 * The threads that hand the shards' events to the listeners.
	 */
	public static class Delivery {

		/**
		 * Most platform threads delivering events to listeners at once, shared by all shards, on Java 17 to 20 (on 21
		 * and later each delivery runs on a virtual thread and this does not apply). Each shard's events still go in
		 * order, one at a time. A listener that blocks holds one of them meanwhile; once all are held, every shard's
		 * delivery waits. Idle threads end after a minute.
		 */
		private int maxThreads = 64;

		/**
		 * Whether each listener dispatch runs in an Observation ("discord.gateway.dispatch": a span per event with
		 * tracing). Unset means on when Micrometer Tracing is on the class path: with meters only, the observation's
		 * per-event timers cost nearly as much as reading a message, and discord.gateway.events.lag already times
		 * listener work.
		 */
		private Boolean observationEnabled;

		public int getMaxThreads() {
			return this.maxThreads;
		}

		public void setMaxThreads(int maxThreads) {
			this.maxThreads = maxThreads;
		}

		public Boolean getObservationEnabled() {
			return this.observationEnabled;
		}

		public void setObservationEnabled(Boolean observationEnabled) {
			this.observationEnabled = observationEnabled;
		}

	}

	public static class Presence {

		/**
		 * Status to identify with. Unset leaves the presence to Discord (online).
		 */
		private PresenceStatus status;

		/**
		 * Whether the bot is away.
		 */
		private boolean afk = false;

		private final Activity activity = new Activity();

		public PresenceStatus getStatus() {
			return this.status;
		}

		public void setStatus(PresenceStatus status) {
			this.status = status;
		}

		public boolean isAfk() {
			return this.afk;
		}

		public void setAfk(boolean afk) {
			this.afk = afk;
		}

		public Activity getActivity() {
			return this.activity;
		}

	}

	public static class Activity {

		/**
		 * Name of the activity the bot shows (for a custom activity, its text).
		 */
		private String name;

		/**
		 * Type of the activity.
		 */
		private ActivityType type = ActivityType.PLAYING;

		/**
		 * Stream URL of a streaming activity (twitch.tv or youtube.com).
		 */
		private String url;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public ActivityType getType() {
			return this.type;
		}

		public void setType(ActivityType type) {
			this.type = type;
		}

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

	}

	/**
	 * A bot's status.
	 */
	public enum PresenceStatus {

		ONLINE, IDLE, DND, INVISIBLE

	}

	/**
	 * What a bot's activity is; the order is Discord's numbering.
	 */
	public enum ActivityType {

		PLAYING, STREAMING, LISTENING, WATCHING, CUSTOM, COMPETING

	}

	public static class Reconnect {

		/**
		 * Upper bound of the wait before the second reconnect attempt; each further failure doubles it (with full
		 * jitter). The first attempt is immediate.
		 */
		private Duration backoffBase = Duration.ofSeconds(1);

		/**
		 * Longest wait between reconnect attempts.
		 */
		private Duration backoffMax = Duration.ofSeconds(60);

		/**
		 * Failed resumes in a row after which the session is given up and the shard identifies anew.
		 */
		private int maxFailedResumes = 3;

		/**
		 * Shortest wait before identifying anew after an Invalid Session (op 9).
		 */
		private Duration invalidSessionDelayMin = Duration.ofSeconds(1);

		/**
		 * Longest wait before identifying anew after an Invalid Session (op 9).
		 */
		private Duration invalidSessionDelayMax = Duration.ofSeconds(5);

		public Duration getBackoffBase() {
			return this.backoffBase;
		}

		public void setBackoffBase(Duration backoffBase) {
			this.backoffBase = backoffBase;
		}

		public Duration getBackoffMax() {
			return this.backoffMax;
		}

		public void setBackoffMax(Duration backoffMax) {
			this.backoffMax = backoffMax;
		}

		public int getMaxFailedResumes() {
			return this.maxFailedResumes;
		}

		public void setMaxFailedResumes(int maxFailedResumes) {
			this.maxFailedResumes = maxFailedResumes;
		}

		public Duration getInvalidSessionDelayMin() {
			return this.invalidSessionDelayMin;
		}

		public void setInvalidSessionDelayMin(Duration invalidSessionDelayMin) {
			this.invalidSessionDelayMin = invalidSessionDelayMin;
		}

		public Duration getInvalidSessionDelayMax() {
			return this.invalidSessionDelayMax;
		}

		public void setInvalidSessionDelayMax(Duration invalidSessionDelayMax) {
			this.invalidSessionDelayMax = invalidSessionDelayMax;
		}

	}

	public static class Shutdown {

		/**
		 * How long listeners may take to finish the events already received when the application stops.
		 */
		private Duration timeout = Duration.ofSeconds(10);

		/**
		 * Whether the sessions stay resumable after shutdown (close code 4900), so that a restart soon after
		 * resumes. When false, the bot logs out (close code 1000) and shows offline at once.
		 */
		private boolean resumable = true;

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public boolean isResumable() {
			return this.resumable;
		}

		public void setResumable(boolean resumable) {
			this.resumable = resumable;
		}

	}

	public static class SessionStorage {

		/**
		 * Where the shards keep their resumable sessions: 'memory' (a restarted process identifies anew) or
		 * 'redis' (a restarted or replacing process resumes and gets the events it missed; needs
		 * io.github.discordgateway:discord-gateway-redis and the Redis connection Spring Boot configures from
		 * spring.data.redis.*).
		 */
		private SessionStoreType store = SessionStoreType.MEMORY;

		/**
		 * How often each shard saves the sequence its listeners reached while it moves (besides at READY, RESUMED
		 * and shutdown): after a crash, at most this much of what was handled is replayed.
		 */
		private Duration saveInterval = Duration.ofSeconds(1);

		public SessionStoreType getStore() {
			return this.store;
		}

		public void setStore(SessionStoreType store) {
			this.store = store;
		}

		public Duration getSaveInterval() {
			return this.saveInterval;
		}

		public void setSaveInterval(Duration saveInterval) {
			this.saveInterval = saveInterval;
		}

	}

	public static class Watchdog {

		/**
		 * How long a ready shard may go without a dispatch while its heartbeats are acknowledged before it counts
		 * as "connected but deaf" (reported in health). Unset means off: quiet bots exist.
		 */
		private Duration dispatchSilence;

		/**
		 * Whether a deaf shard resumes its session on a new connection (otherwise it is only reported).
		 */
		private boolean resumeOnSilence = false;

		public Duration getDispatchSilence() {
			return this.dispatchSilence;
		}

		public void setDispatchSilence(Duration dispatchSilence) {
			this.dispatchSilence = dispatchSilence;
		}

		public boolean isResumeOnSilence() {
			return this.resumeOnSilence;
		}

		public void setResumeOnSilence(boolean resumeOnSilence) {
			this.resumeOnSilence = resumeOnSilence;
		}

	}

	/**
	 * How the processes of one bot share its shards.
	 */
	public static class Coordination {

		/**
		 * Coordination between the bot's processes: none (each process paces its own identifies and runs the
		 * shards it is given) or redis (identify buckets, the daily session start budget and shard leases shared
		 * through the Redis of spring.data.redis.*; needs io.github.discordgateway:discord-gateway-redis).
		 */
		private CoordinationMode mode = CoordinationMode.NONE;

		/**
		 * Most shards this process claims when it has no fixed shard-ids. Defaults to all of them; set it to the
		 * shard count divided by the number of processes to spread the shards.
		 */
		private Integer maxShards;

		/**
		 * How long a shard lease lasts without renewal (renewed every third of it): how long the shards of a
		 * process that died wait before another process takes them over.
		 */
		private Duration leaseDuration = Duration.ofSeconds(15);

		/**
		 * Start of the bot's keys in Redis (coordination and sessions), followed by a key of the bot's own (a hash
		 * of its token's first part, never the token), so bots sharing a Redis server never meet.
		 */
		private String keyPrefix = "discord-gateway";

		public CoordinationMode getMode() {
			return this.mode;
		}

		public void setMode(CoordinationMode mode) {
			this.mode = mode;
		}

		public Integer getMaxShards() {
			return this.maxShards;
		}

		public void setMaxShards(Integer maxShards) {
			this.maxShards = maxShards;
		}

		public Duration getLeaseDuration() {
			return this.leaseDuration;
		}

		public void setLeaseDuration(Duration leaseDuration) {
			this.leaseDuration = leaseDuration;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

	/**
	 * Where the shards keep their resumable sessions.
	 */
	public enum SessionStoreType {

		/**
		 * In this process.
		 */
		MEMORY,

		/**
		 * In Redis.
		 */
		REDIS

	}

	/**
	 * How the processes of one bot coordinate.
	 */
	public enum CoordinationMode {

		/** Each process on its own. */
		NONE,

		/** Through Redis. */
		REDIS

	}

}
