package io.github.discordgateway.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.netty.handler.ssl.SslContext;

/**
 * How a {@link GatewaySimulator} behaves. Build with {@link #builder()}; every setting has a default that
 * matches what Discord gives a new small bot.
 *
 * @param token the bot token; REST wants {@code Authorization: Bot <token>}, Identify and Resume want the
 * token bare or as {@code Bot <token>}
 * @param heartbeatInterval the {@code heartbeat_interval} sent in Hello
 * @param recommendedShards the {@code shards} of GET /gateway/bot
 * @param sessionStartLimit the {@code session_start_limit} of GET /gateway/bot at start
 * @param botUser the bot user
 * @param guilds the guilds the bot is in
 * @param enabledPrivilegedIntents privileged intents switched on "in the developer portal" (a mask of
 * {@link #GUILD_MEMBERS}, {@link #GUILD_PRESENCES}, {@link #MESSAGE_CONTENT}); any other privileged bit in
 * Identify closes with 4014
 * @param zlibFrameSplit with {@code compress=zlib-stream}: 0 sends each compressed message as one binary
 * frame, {@code n > 0} splits each across {@code n} binary frames (fewer if the message is shorter)
 * @param identifyWindow the max_concurrency window: one Identify per bucket
 * ({@code shard_id % max_concurrency}) per window, a faster one gets op 9; {@link Duration#ZERO} turns the
 * limit off
 * @param restRateLimit the REST rate limits enforced ({@link RestRateLimit#OFF} for none)
 * @param sslContext a server TLS context to serve https and wss with, or {@code null} for plain http and ws
 */
public record SimulatorOptions(String token, Duration heartbeatInterval, int recommendedShards,
		SessionStartLimit sessionStartLimit, BotUser botUser, List<SimulatedGuild> guilds, long enabledPrivilegedIntents,
		int zlibFrameSplit, Duration identifyWindow, RestRateLimit restRateLimit, SslContext sslContext) {

	/** The GUILD_MEMBERS privileged intent, {@code 1 << 1}. */
	public static final long GUILD_MEMBERS = Intents.GUILD_MEMBERS;

	/** The GUILD_PRESENCES privileged intent, {@code 1 << 8}. */
	public static final long GUILD_PRESENCES = Intents.GUILD_PRESENCES;

	/** The MESSAGE_CONTENT privileged intent, {@code 1 << 15}. */
	public static final long MESSAGE_CONTENT = Intents.MESSAGE_CONTENT;

	/**
	 * Validates the components.
	 */
	public SimulatorOptions {
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
		Objects.requireNonNull(sessionStartLimit, "sessionStartLimit");
		Objects.requireNonNull(botUser, "botUser");
		Objects.requireNonNull(identifyWindow, "identifyWindow");
		Objects.requireNonNull(restRateLimit, "restRateLimit");
		if (sslContext != null && !sslContext.isServer()) {
			throw new IllegalArgumentException("sslContext must be a server context");
		}
		guilds = List.copyOf(guilds);
		if (heartbeatInterval.toMillis() < 1) {
			throw new IllegalArgumentException("heartbeatInterval must be at least 1 ms");
		}
		if (recommendedShards < 1) {
			throw new IllegalArgumentException("recommendedShards must be >= 1");
		}
		if ((enabledPrivilegedIntents & ~Intents.PRIVILEGED) != 0) {
			throw new IllegalArgumentException("enabledPrivilegedIntents may only hold privileged intent bits");
		}
		if (zlibFrameSplit < 0) {
			throw new IllegalArgumentException("zlibFrameSplit must be >= 0");
		}
		if (identifyWindow.isNegative()) {
			throw new IllegalArgumentException("identifyWindow must not be negative");
		}
	}

	/**
	 * The defaults.
	 * @return options with every default
	 */
	public static SimulatorOptions defaults() {
		return builder().build();
	}

	/**
	 * A builder starting from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds {@link SimulatorOptions}; starts from the defaults.
	 */
	public static final class Builder {

		private String token = "simulated-token";

		private Duration heartbeatInterval = Duration.ofMillis(41_250);

		private int recommendedShards = 1;

		private SessionStartLimit sessionStartLimit = SessionStartLimit.DEFAULT;

		private BotUser botUser = new BotUser("1300000000000000100", "simulated-bot");

		private List<SimulatedGuild> guilds = List
			.of(new SimulatedGuild("1300000000000000001", "Simulated Guild", "1300000000000000002", "general"));

		private long enabledPrivilegedIntents;

		private int zlibFrameSplit;

		private Duration identifyWindow = Duration.ofSeconds(5);

		private RestRateLimit restRateLimit = RestRateLimit.DISCORD;

		private SslContext sslContext;

		private Builder() {
		}

		/**
		 * Sets the bot token (default {@code simulated-token}).
		 * @param token the token
		 * @return this builder
		 */
		public Builder token(String token) {
			this.token = token;
			return this;
		}

		/**
		 * Sets Hello's heartbeat interval (default 41,250 ms, Discord's usual value).
		 * @param heartbeatInterval the interval
		 * @return this builder
		 */
		public Builder heartbeatInterval(Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
			return this;
		}

		/**
		 * Sets the recommended shard count of GET /gateway/bot (default 1).
		 * @param recommendedShards the count
		 * @return this builder
		 */
		public Builder recommendedShards(int recommendedShards) {
			this.recommendedShards = recommendedShards;
			return this;
		}

		/**
		 * Sets the session start limit (default {@link SessionStartLimit#DEFAULT}).
		 * @param sessionStartLimit the limit
		 * @return this builder
		 */
		public Builder sessionStartLimit(SessionStartLimit sessionStartLimit) {
			this.sessionStartLimit = sessionStartLimit;
			return this;
		}

		/**
		 * Sets the bot user (default id {@code 1300000000000000100}, username {@code simulated-bot}).
		 * @param botUser the bot user
		 * @return this builder
		 */
		public Builder botUser(BotUser botUser) {
			this.botUser = botUser;
			return this;
		}

		/**
		 * Sets the guilds (default: one guild {@code 1300000000000000001} with text channel
		 * {@code 1300000000000000002}).
		 * @param guilds the guilds, possibly none
		 * @return this builder
		 */
		public Builder guilds(List<SimulatedGuild> guilds) {
			this.guilds = guilds;
			return this;
		}

		/**
		 * Sets the privileged intents the application may use (default none, as for a new application).
		 * @param enabledPrivilegedIntents mask of privileged intent bits
		 * @return this builder
		 */
		public Builder enabledPrivilegedIntents(long enabledPrivilegedIntents) {
			this.enabledPrivilegedIntents = enabledPrivilegedIntents;
			return this;
		}

		/**
		 * Sets how many binary frames each zlib-stream message is split across (default 0: one frame).
		 * @param zlibFrameSplit 0, or the number of frames
		 * @return this builder
		 */
		public Builder zlibFrameSplit(int zlibFrameSplit) {
			this.zlibFrameSplit = zlibFrameSplit;
			return this;
		}

		/**
		 * Sets the identify concurrency window (default 5 s, as documented; {@link Duration#ZERO} disables it).
		 * @param identifyWindow the window
		 * @return this builder
		 */
		public Builder identifyWindow(Duration identifyWindow) {
			this.identifyWindow = identifyWindow;
			return this;
		}

		/**
		 * Sets the REST rate limits (default {@link RestRateLimit#DISCORD}; {@link RestRateLimit#OFF} turns them
		 * off, {@link RestRateLimit#of} tightens them).
		 * @param restRateLimit the limits
		 * @return this builder
		 */
		public Builder restRateLimit(RestRateLimit restRateLimit) {
			this.restRateLimit = restRateLimit;
			return this;
		}

		/**
		 * Serves https and wss with this server context (default none: http and ws), e.g. one built with
		 * Netty's {@code SslContextBuilder.forServer(...)} from a test certificate.
		 * @param sslContext a server context
		 * @return this builder
		 */
		public Builder sslContext(SslContext sslContext) {
			this.sslContext = sslContext;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 */
		public SimulatorOptions build() {
			return new SimulatorOptions(this.token, this.heartbeatInterval, this.recommendedShards,
					this.sessionStartLimit, this.botUser, this.guilds, this.enabledPrivilegedIntents,
					this.zlibFrameSplit, this.identifyWindow, this.restRateLimit, this.sslContext);
		}

	}

}
