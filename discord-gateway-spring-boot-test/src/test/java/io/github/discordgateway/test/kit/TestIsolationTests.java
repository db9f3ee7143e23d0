package io.github.discordgateway.test.kit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.web.client.RestClient;

import io.github.discordgateway.event.MessageCreateEvent;
import io.github.discordgateway.protocol.Intent;
import io.github.discordgateway.simulator.GatewayConnection;
import io.github.discordgateway.simulator.GatewayPort;
import io.github.discordgateway.simulator.GatewaySimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two test classes that share one cached application context: the second must not pass on what the bot did for
 * the first.
 */
@SpringBootTest(classes = TestIsolationTests.Bot.class,
		properties = "discord.gateway.intents=GUILDS,GUILD_MESSAGES,MESSAGE_CONTENT")
@EnableGatewaySimulator(privilegedIntents = Intent.MESSAGE_CONTENT)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class TestIsolationTests {

	static GatewaySimulator firstClassSimulator;

	@Nested
	@Order(1)
	class FirstClass {

		@Autowired
		SimulatedDiscord discord;

		@Test
		void makesTheBotAnswer() {
			firstClassSimulator = this.discord.simulator();
			this.discord.awaitReady();
			this.discord.message("!ping").send();
			this.discord.awaitRestCall("POST", "/channels/\\d+/messages");
			this.discord.simulator().resumeUrlDown(true);
		}

	}

	@Nested
	@Order(2)
	class SecondClass {

		@Autowired
		SimulatedDiscord discord;

		@Test
		void doesNotSeeTheCallTheFirstClassCaused() {
			assertThat(this.discord.simulator()).as("one shared context").isSameAs(firstClassSimulator);
			this.discord.awaitReady();
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> this.discord.within(Duration.ofMillis(300))
					.awaitRestCall("POST", "/channels/\\d+/messages"))
				.withMessageContaining("no such call happened during this test")
				.withMessageContaining("REST calls during this test: none")
				.withMessageContaining("Not counted: ")
				.withMessageContaining("discord.includingEarlierTests()");
			assertThat(this.discord.includingEarlierTests().awaitRestCall("POST", "/channels/\\d+/messages").body())
				.contains("pong");
		}

		@Test
		void meetsTheSimulatorWithTheSwitchesTheFirstClassFlippedTurnedBack() {
			this.discord.awaitReady();
			this.discord.reconnect();
			this.discord.awaitResumed();
			List<GatewayConnection> connections = this.discord.simulator().connections();
			assertThat(connections.get(connections.size() - 1).port()).isEqualTo(GatewayPort.RESUME);
			assertThat(connections.get(connections.size() - 1).ending()).isEqualTo(GatewayConnection.Ending.OPEN);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Pong.class)
	static class Bot {

	}

	static class Pong {

		private final RestClient discord;

		Pong(@Qualifier("discordRestClient") RestClient discord) {
			this.discord = discord;
		}

		@EventListener
		void on(MessageCreateEvent event) {
			if ("!ping".equals(event.getMessage().content())) {
				this.discord.post()
					.uri("/channels/{id}/messages", event.getMessage().channelId())
					.body(Map.of("content", "pong"))
					.retrieve()
					.toBodilessEntity();
			}
		}

	}

}
