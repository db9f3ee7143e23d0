package io.github.discordgateway.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;
import io.github.discordgateway.autoconfigure.health.DiscordGatewayHealthContributorAutoConfiguration;
import io.github.discordgateway.autoconfigure.metrics.DiscordGatewayMetricsAutoConfiguration;
import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.simulator.GatewaySimulator;

/**
 * Runs a bot (the real auto-configuration, metrics and health) against a simulator over real WebSockets.
 */
final class BotRunner {

	/**
	 * Intents for a bot that reads message content (the simulator, as Discord, blanks it otherwise); the simulator
	 * must enable {@code SimulatorOptions.MESSAGE_CONTENT}.
	 */
	static final String READS_MESSAGE_CONTENT = "discord.gateway.intents=GUILDS,GUILD_MESSAGES,MESSAGE_CONTENT";

	private BotRunner() {
	}

	static ApplicationContextRunner against(GatewaySimulator simulator, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					DiscordGatewayMetricsAutoConfiguration.class, DiscordGatewayAutoConfiguration.class,
					DiscordGatewayHealthContributorAutoConfiguration.class))
			.withPropertyValues("discord.token=" + simulator.options().token(),
					"discord.rest.base-url=" + simulator.restBaseUrl())
			.withPropertyValues(properties)
			.withBean(RecordingListener.class);
	}

	/**
	 * Every dispatch the bot's listeners received, in order.
	 */
	static class RecordingListener {

		final List<DispatchEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(DispatchEvent event) {
			this.events.add(event);
		}

		List<Long> sequences(String name) {
			return this.events.stream().filter((event) -> event.getName().equals(name)).map(DispatchEvent::getSequence).toList();
		}

	}

}
