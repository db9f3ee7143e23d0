package io.github.discordgateway.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import io.github.discordgateway.DiscordGatewayClient;
import io.github.discordgateway.IdentifyQueueFactory;
import io.github.discordgateway.command.DiscordGateway;
import io.github.discordgateway.event.DispatchListener;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.UpdatePresence;
import io.github.discordgateway.rest.DiscordRestClients;
import io.github.discordgateway.rest.ratelimit.RateLimitObserver;
import io.github.discordgateway.session.DispatchWatchdog;
import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.session.InMemorySessionStore;
import io.github.discordgateway.session.SessionStore;
import io.github.discordgateway.sharding.ShardManager;
import io.github.discordgateway.sharding.ShardOwnership;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for a Discord bot on the gateway: a
 * {@link DiscordGatewayClient} built from the {@code discord.*} properties and the collaborator beans below, each of
 * which a bean of the application replaces. The client owns its threads; none is offered to the application, so
 * {@code @Scheduled} and {@code @Async} keep running on Boot's own executors.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@ConditionalOnClass({ WebSocketClient.class, WebSocketContainer.class, RestClient.class })
@ConditionalOnBooleanProperty(name = "discord.gateway.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DiscordProperties.class)
public final class DiscordGatewayAutoConfiguration {

	private final DiscordProperties properties;

	DiscordGatewayAutoConfiguration(DiscordProperties properties) {
		this.properties = properties;
	}

	@Bean
	@ConditionalOnMissingBean(DiscordConnectionDetails.class)
	PropertiesDiscordConnectionDetails discordConnectionDetails() {
		return new PropertiesDiscordConnectionDetails(this.properties);
	}

	@Bean
	@ConditionalOnMissingBean
	static DispatchEventListenerFactory discordDispatchEventListenerFactory(ObjectProvider<GatewayObserver> observers) {
		return new DispatchEventListenerFactory(observers::orderedStream);
	}

	@Bean
	@ConditionalOnMissingBean
	GatewayJson discordGatewayJson() {
		return new GatewayJson();
	}

	/**
	 * Discord's HTTP API, for the bot too (inject it with {@code @Qualifier("discordRestClient")}). Not a default
	 * candidate, so the application's own {@code RestClient} still injects by type. Built from Boot's
	 * {@code RestClient.Builder} when there is one, so that its customizers, HTTP client settings and observations
	 * apply.
	 */
	@Bean(defaultCandidate = false)
	@ConditionalOnMissingBean(name = "discordRestClient")
	RestClient discordRestClient(DiscordConnectionDetails connectionDetails,
			ObjectProvider<RestClient.Builder> builders, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<RateLimitObserver> rateLimitObservers) {
		// TLS and rate limits (discord.ssl.*, discord.rest.rate-limit.*)
		DiscordTransportSecurity.requireSecureRest(this.properties, connectionDetails);
		DiscordTransportSecurity transportSecurity = new DiscordTransportSecurity(this.properties, sslBundles);
		RestClient.Builder builder = transportSecurity.applyTo(builders.getIfAvailable(RestClient::builder).clone());
		return DiscordRestClients.create(builder, connectionDetails.getRestBaseUrl(), requireToken(connectionDetails),
				RestRateLimitProperties.settings(this.properties.getRest().getRateLimit()),
				new CompositeRateLimitObserver(rateLimitObservers.orderedStream().toList()));
	}

	@Bean(defaultCandidate = false)
	@ConditionalOnMissingBean(name = "discordGatewayWebSocketClient")
	WebSocketClient discordGatewayWebSocketClient(ObjectProvider<SslBundles> sslBundles) {
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		// Heartbeats keep the connection alive; a container idle timeout (Jetty's is 30 s) would cut it.
		container.setDefaultMaxSessionIdleTimeout(0);
		// TLS (discord.ssl.bundle)
		return new DiscordTransportSecurity(this.properties, sslBundles)
			.applyTo(new StandardWebSocketClient(container));
	}

	@Bean
	@ConditionalOnMissingBean
	DispatchListener discordDispatchListener(ApplicationEventPublisher publisher) {
		return new ApplicationEventDispatchListener(publisher);
	}

	@Bean
	@ConditionalOnMissingBean
	IdentifyQueueFactory discordIdentifyQueueFactory() {
		return IdentifyQueueFactory.local();
	}

	@Bean
	@ConditionalOnMissingBean
	SessionStore discordSessionStore() {
		if (this.properties.getGateway().getSession().getStore() == DiscordProperties.SessionStoreType.REDIS) {
			throw new IllegalStateException("discord.gateway.session.store=redis needs "
					+ "io.github.discordgateway:discord-gateway-redis and a Redis connection (spring.data.redis.*)");
		}
		return new InMemorySessionStore();
	}

	@Bean
	@ConditionalOnMissingBean
	DiscordGatewayClient discordGatewayClient(DiscordConnectionDetails connectionDetails, GatewayJson json,
			@Qualifier("discordRestClient") RestClient discordRestClient,
			@Qualifier("discordGatewayWebSocketClient") WebSocketClient discordGatewayWebSocketClient,
			DispatchListener dispatchListener, IdentifyQueueFactory identifyQueues, SessionStore sessionStore,
			ObjectProvider<GatewayObserver> observers, ObjectProvider<ShardOwnership> shardOwnerships,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<DiscordGatewayClientCustomizer> customizers, ResourceLoader resourceLoader) {
		DiscordProperties.Gateway gateway = this.properties.getGateway();
		// TLS (discord.insecure-transport-allowed-for-testing-only)
		DiscordTransportSecurity.requireSecureGateway(this.properties, connectionDetails);
		DiscordPropertiesValidator.requireAvailable(gateway.getCompression(), resourceLoader.getClassLoader());
		DiscordProperties.Reconnect reconnect = gateway.getReconnect();
		DiscordGatewayClient.Builder builder = DiscordGatewayClient.builder()
			.token(requireToken(connectionDetails))
			.intents(gateway.getIntents())
			.gatewayUrl(connectionDetails.getGatewayUrl())
			.compression(gateway.getCompression())
			.maxMessageSize(gateway.getMaxMessageSize().toBytes())
			.eventQueueCapacity(gateway.getEventQueueCapacity())
			.eventQueueMaxBytes(gateway.getEventQueueMaxBytes().toBytes())
			.maxDeliveryThreads(gateway.getDelivery().getMaxThreads())
			.stuckListenerThreshold(gateway.getStuckListenerThreshold())
			.largeThreshold(gateway.getLargeThreshold())
			.presence(initialPresence(gateway.getPresence()))
			.reconnectBackoff(reconnect.getBackoffBase(), reconnect.getBackoffMax())
			.maxFailedResumes(reconnect.getMaxFailedResumes())
			.invalidSessionDelay(reconnect.getInvalidSessionDelayMin(), reconnect.getInvalidSessionDelayMax())
			.memberRequestTimeout(gateway.getMemberRequestTimeout())
			.helloTimeout(gateway.getHelloTimeout())
			.sessionSaveInterval(gateway.getSession().getSaveInterval())
			.watchdog(new DispatchWatchdog(gateway.getWatchdog().getDispatchSilence(),
					gateway.getWatchdog().isResumeOnSilence()))
			.observationRegistry(DispatchObservations.registry(gateway.getDelivery(), observationRegistry,
					resourceLoader.getClassLoader()))
			.shutdownTimeout(gateway.getShutdown().getTimeout())
			.resumableShutdown(gateway.getShutdown().isResumable())
			.webSocketClient(discordGatewayWebSocketClient)
			.restClient(discordRestClient)
			.json(json)
			.identifyQueues(identifyQueues)
			.sessionStore(sessionStore)
			.eventSink(dispatchListener);
		List<Integer> shardIds = DiscordPropertiesValidator.shardIds(gateway);
		if (gateway.getShardCount() != null) {
			builder.shards(gateway.getShardCount(), shardIds);
		}
		if (shardIds.isEmpty()) {
			shardOwnerships.ifAvailable(builder::shardOwnership);
		}
		observers.orderedStream().forEach(builder::observer);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	DiscordShardsReadyPublisher discordShardsReadyPublisher(ObjectProvider<ShardManager> shardManager,
			ApplicationEventPublisher publisher) {
		return new DiscordShardsReadyPublisher(shardManager, publisher);
	}

	@Bean
	ShardManager discordShardManager(DiscordGatewayClient client) {
		return client.shardManager();
	}

	@Bean
	DiscordGateway discordGateway(DiscordGatewayClient client) {
		return client.gateway();
	}

	@Bean
	@ConditionalOnMissingBean
	DiscordGatewayLifecycle discordGatewayLifecycle(DiscordGatewayClient client) {
		return new DiscordGatewayLifecycle(client, this.properties.getGateway().isAutoStartup());
	}

	/**
	 * The presence Identify carries, or {@code null} when none is configured.
	 */
	static UpdatePresence initialPresence(DiscordProperties.Presence presence) {
		DiscordProperties.Activity activity = presence.getActivity();
		if (presence.getStatus() == null && activity.getName() == null && !presence.isAfk()) {
			return null;
		}
		List<UpdatePresence.Activity> activities = new ArrayList<>();
		if (activity.getName() != null) {
			boolean custom = activity.getType() == DiscordProperties.ActivityType.CUSTOM;
			// A custom status shows its state; Discord ignores the name of one.
			activities.add(new UpdatePresence.Activity(custom ? "Custom Status" : activity.getName(),
					activity.getType().ordinal(), custom ? activity.getName() : null, activity.getUrl()));
		}
		String status = (presence.getStatus() != null) ? presence.getStatus().name().toLowerCase(Locale.ROOT)
				: "online";
		return new UpdatePresence(null, activities, status, presence.isAfk());
	}

	private static String requireToken(DiscordConnectionDetails connectionDetails) {
		String token = connectionDetails.getToken();
		// An unresolved placeholder (token: ${DISCORD_TOKEN} with the variable unset) is no token either.
		if (!StringUtils.hasText(token) || token.contains("${")) {
			throw new DiscordTokenMissingException();
		}
		return token.strip().startsWith("Bot ") ? token.strip().substring(4) : token.strip();
	}

}
