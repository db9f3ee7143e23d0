package io.github.discordgateway.sample;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import io.github.discordgateway.autoconfigure.DiscordConnectionDetails;
import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.test.kit.SimulatedDiscord;
import io.github.discordgateway.test.kit.SimulatorConnectionDetails;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SimulatorOptions;

/**
 * When no token is set, runs the bot against the gateway simulator in this process and plays a short
 * conversation, so that a first run shows events, the pong and heartbeat latency without a Discord account.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${discord.token:}'.isBlank()")
@ConditionalOnMissingBean(DiscordConnectionDetails.class)
class EmbeddedSimulatorConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedSimulatorConfiguration.class);

	@Bean(destroyMethod = "close")
	GatewaySimulator gatewaySimulator() {
		GatewaySimulator simulator = GatewaySimulator
			.start(SimulatorOptions.builder()
				.heartbeatInterval(Duration.ofSeconds(5))
				.enabledPrivilegedIntents(SimulatorOptions.MESSAGE_CONTENT)
				.build());
		logger.warn("No discord.token is set: this bot runs against the embedded gateway simulator at {} (not "
				+ "Discord). Set discord.token (or DISCORD_TOKEN) to connect to Discord.", simulator.gatewayUrl());
		return simulator;
	}

	@Bean
	SimulatorConnectionDetails simulatorConnectionDetails(GatewaySimulator gatewaySimulator) {
		return new SimulatorConnectionDetails(gatewaySimulator);
	}

	@Bean
	ScriptedConversation scriptedConversation(GatewaySimulator gatewaySimulator) {
		return new ScriptedConversation(new SimulatedDiscord(gatewaySimulator));
	}

	/**
	 * Once the bot is ready, a simulated user says hello and pings it.
	 */
	static class ScriptedConversation {

		private final SimulatedDiscord discord;

		ScriptedConversation(SimulatedDiscord discord) {
			this.discord = discord;
		}

		@EventListener(condition = "#event.name == 'READY'")
		void play(DispatchEvent event) {
			Thread script = new Thread(() -> {
				this.discord.message("Hello, bot!").send();
				this.discord.message("!ping").send();
				this.discord.awaitRestCall("POST", "/channels/\\d+/messages");
				logger.info("Scripted conversation done: the bot answered !ping. It keeps running (heartbeat latency "
						+ "at /actuator/metrics/discord.gateway.heartbeat.latency); stop it with Ctrl+C.");
			}, "simulated-conversation");
			script.setDaemon(true);
			script.start();
		}

	}

}
