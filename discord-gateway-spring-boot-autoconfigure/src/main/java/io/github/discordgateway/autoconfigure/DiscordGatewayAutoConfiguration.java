package io.github.discordgateway.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import io.github.discordgateway.command.DiscordGateway;
import io.github.discordgateway.command.GuildMemberRequests;
import io.github.discordgateway.event.TypedDispatchEventFactory;
import io.github.discordgateway.protocol.ConnectionProperties;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.Intent;
import io.github.discordgateway.protocol.UpdatePresence;
import io.github.discordgateway.rest.DiscordRestClients;
import io.github.discordgateway.rest.GatewayBotClient;
import io.github.discordgateway.session.Backoff;
import io.github.discordgateway.session.ExecutorScheduler;
import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.session.Shard;
import io.github.discordgateway.session.ShardSettings;
import io.github.discordgateway.sharding.LocalIdentifyLimiter;
import io.github.discordgateway.sharding.ShardManager;
import io.github.discordgateway.transport.WebSocketGatewayTransport;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for a Discord bot on the gateway.
 *
 * @since 0.1.0
 */
@AutoConfiguration
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
	static DispatchEventListenerFactory discordDispatchEventListenerFactory() {
		return new DispatchEventListenerFactory();
	}

	@Bean
	@ConditionalOnMissingBean
	GatewayJson discordGatewayJson() {
		return new GatewayJson();
	}

	@Bean
	@ConditionalOnMissingBean(name = "discordRestClient")
	RestClient discordRestClient(DiscordConnectionDetails connectionDetails,
			ObjectProvider<RestClient.Builder> builders) {
		RestClient.Builder builder = builders.getIfAvailable(RestClient::builder).clone();
		return DiscordRestClients.create(builder, connectionDetails.getRestBaseUrl(), requireToken(connectionDetails));
	}

	@Bean
	@ConditionalOnMissingBean(name = "discordGatewayWebSocketClient")
	WebSocketClient discordGatewayWebSocketClient() {
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		// Heartbeats keep the connection alive; a container idle timeout (Jetty's is 30 s) would cut it.
		container.setDefaultMaxSessionIdleTimeout(0);
		return new StandardWebSocketClient(container);
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService discordGatewayExecutor() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "discord-gateway-scheduler");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	@Bean
	ExecutorScheduler discordGatewayScheduler(ScheduledExecutorService discordGatewayExecutor) {
		return new ExecutorScheduler(discordGatewayExecutor);
	}

	@Bean
	@ConditionalOnMissingBean
	GuildMemberRequests discordGuildMemberRequests(ExecutorScheduler discordGatewayScheduler) {
		return new GuildMemberRequests(discordGatewayScheduler, this.properties.getGateway().getMemberRequestTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	DiscordGateway discordGateway(ShardManager shardManager, GuildMemberRequests memberRequests) {
		return new DiscordGateway(shardManager, memberRequests);
	}

	@Bean
	@ConditionalOnMissingBean
	ShardManager discordShardManager(DiscordConnectionDetails connectionDetails, GatewayJson json,
			RestClient discordRestClient, WebSocketClient discordGatewayWebSocketClient,
			ExecutorScheduler discordGatewayScheduler, ObjectProvider<GatewayObserver> observers,
			ApplicationEventPublisher publisher) {
		DiscordProperties.Gateway gateway = this.properties.getGateway();
		DiscordPropertiesValidator.validate(gateway);
		DiscordProperties.Reconnect reconnect = gateway.getReconnect();
		ShardSettings template = new ShardSettings(0, 1, requireToken(connectionDetails),
				Intent.bitfield(gateway.getIntents()), gateway.getLargeThreshold(),
				ConnectionProperties.ofThisLibrary(), initialPresence(gateway.getPresence()),
				gateway.getCompression().queryValue(),
				new Backoff(reconnect.getBackoffBase(), reconnect.getBackoffMax(),
						() -> ThreadLocalRandom.current().nextDouble()),
				reconnect.getInvalidSessionDelayMin(), reconnect.getInvalidSessionDelayMax(),
				reconnect.getMaxFailedResumes(), gateway.getEventQueueCapacity());
		WebSocketGatewayTransport transport = new WebSocketGatewayTransport(discordGatewayWebSocketClient,
				(int) Math.min(gateway.getMaxMessageSize().toBytes(), Integer.MAX_VALUE - 8), gateway.getCompression());
		GatewayObserver observer = new CompositeGatewayObserver(observers.orderedStream().toList());
		TypedDispatchEventFactory events = new TypedDispatchEventFactory(json);
		ShardManager.Settings settings = new ShardManager.Settings(connectionDetails.getGatewayUrl(),
				gateway.getShardCount(), gateway.getShardIds(), gateway.getShutdown().isResumable());
		return new ShardManager(settings, template, discordGatewayScheduler,
				(gatewayUrl, identifyLimiter) -> new Shard.Collaborators(transport, discordGatewayScheduler, json,
						identifyLimiter, observer, gatewayUrl, events, () -> ThreadLocalRandom.current().nextDouble()),
				new GatewayBotClient(discordRestClient, json),
				(limit) -> new LocalIdentifyLimiter(limit, discordGatewayScheduler::nanoTime),
				new ApplicationEventDispatchListener(publisher));
	}

	@Bean
	@ConditionalOnMissingBean
	DiscordGatewayLifecycle discordGatewayLifecycle(ShardManager shardManager) {
		DiscordProperties.Gateway gateway = this.properties.getGateway();
		return new DiscordGatewayLifecycle(shardManager, gateway.getShutdown().getTimeout(), gateway.isAutoStartup());
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
