package io.github.discordgateway.test.kit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.web.client.RestClient;

import io.github.discordgateway.autoconfigure.DiscordConnectionDetails;
import io.github.discordgateway.event.GuildCreateEvent;
import io.github.discordgateway.event.InteractionCreateEvent;
import io.github.discordgateway.event.MessageCreateEvent;
import io.github.discordgateway.model.Interaction;
import io.github.discordgateway.model.InteractionResponse;
import io.github.discordgateway.protocol.Intent;
import io.github.discordgateway.simulator.ClientFrame;
import io.github.discordgateway.simulator.GatewayPort;
import io.github.discordgateway.simulator.RestCall;
import io.github.discordgateway.simulator.SimulatedSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The test kit as users meet it: a {@code @SpringBootTest} bot wired to the simulator by one annotation.
 */
@SpringBootTest(classes = TestKitTests.Bot.class,
		properties = { "discord.gateway.intents=GUILDS,GUILD_MESSAGES,MESSAGE_CONTENT",
				"discord.gateway.reconnect.invalid-session-delay-min=10ms",
				"discord.gateway.reconnect.invalid-session-delay-max=20ms" })
// No test here is about heartbeats: Discord's interval, so that a stall on a loaded machine cannot make the client
// see a zombie connection and resume behind a test's back.
@EnableGatewaySimulator(heartbeatIntervalMillis = 41_250, privilegedIntents = Intent.MESSAGE_CONTENT)
class TestKitTests {

	@Autowired
	SimulatedDiscord discord;

	@Autowired
	DiscordConnectionDetails connectionDetails;

	@Autowired
	Bot bot;

	@Test
	void wiresTheBotToTheSimulatorThroughConnectionDetails() {
		assertThat(this.connectionDetails).isInstanceOf(SimulatorConnectionDetails.class);
		assertThat(this.connectionDetails.getRestBaseUrl()).isEqualTo(this.discord.simulator().restBaseUrl().toString());
		this.discord.awaitReady();
		assertThat(this.discord.simulator().connections().get(0).port()).isEqualTo(GatewayPort.GATEWAY);
	}

	@Test
	void scriptedMessagesReachTypedListenersOnly() {
		this.discord.awaitReady();
		// The context, and so the bot's lists, may have seen other methods' messages and sessions.
		String content = "hello there " + UUID.randomUUID();
		this.discord.message(content).from("42", "grace").send();
		MessageCreateEvent event = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.bot.messages.stream()
				.filter((message) -> message.getMessage().content().equals(content))
				.findFirst(), Optional::isPresent)
			.get();
		assertThat(event.getMessage().author().username()).isEqualTo("grace");
		assertThat(event.getMessage().channelId()).hasToString(this.discord.guild().textChannelId());
		assertThat(this.bot.guilds).isNotEmpty()
			.allSatisfy((guild) -> assertThat(guild.getGuild().id()).hasToString(this.discord.guild().id()));
	}

	@Test
	void slashCommandsReachTheBotAndItsResponseIsRecorded() {
		this.discord.awaitReady();
		String interactionId = this.discord.slashCommand("roll").option("sides", 20).from("42", "grace").send();
		RestCall response = this.discord.awaitInteractionResponse(interactionId);
		assertThat(response.status()).isEqualTo(204);
		assertThat(response.body()).contains("\"type\":4", "grace rolled a d20");
	}

	@Test
	void awaitsWhatTheBotSentOnTheGateway() {
		this.discord.awaitReady();
		ClientFrame identify = this.discord.includingEarlierTests().awaitCommand(2);
		assertThat(identify.text()).contains("\"intents\"");
	}

	@Test
	void aFailedExpectationSaysWhatDidHappen() {
		this.discord.awaitReady();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.discord.within(Duration.ofMillis(200)).awaitRestCall("DELETE", "/channels/\\d+"))
			.withMessageContaining("Expected the bot to call DELETE /channels/\\d+ within 200 ms")
			.withMessageContaining("no such call happened during this test");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.discord.includingEarlierTests().within(Duration.ofMillis(200)).awaitRestCall(
					"DELETE", "/channels/\\d+"))
			.withMessageContaining("since the simulator started")
			.withMessageContaining("GET /api/v10/gateway/bot -> 200");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.discord.includingEarlierTests().within(Duration.ofMillis(200)).awaitCommand(8))
			.withMessageContaining("Expected the bot to send op 8")
			.withMessageContaining("op 2 ")
			.withMessageContaining("\"token\":\"(hidden)\"")
			.withMessageNotContaining(this.discord.simulator().options().token());
	}

	@Test
	void awaitsTheResumeAfterAReconnect() {
		SimulatedSession session = this.discord.awaitReady();
		this.discord.reconnect();
		SimulatedSession resumed = this.discord.awaitResumed();
		assertThat(resumed.sessionId()).isEqualTo(session.sessionId());
		assertThat(this.discord.awaitCommand(6).text()).contains(session.sessionId());
		int resumes = resumed.resumes();
		this.discord.dropConnection();
		assertThat(this.discord.awaitResumed().resumes()).isEqualTo(resumes + 1);
		assertThat(this.discord.awaitReady().sessionId()).isEqualTo(session.sessionId());
	}

	@Test
	void aResumeThatDidNotHappenDuringTheTestIsNotAwaited() {
		this.discord.awaitReady();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.discord.within(Duration.ofMillis(200)).awaitResumed())
			.withMessageContaining("Expected the bot to resume its session within 200 ms during this test");
	}

	@Test
	void awaitReadyWaitsForTheNewSessionAfterAnInvalidSession() {
		SimulatedSession old = this.discord.awaitReady();
		this.discord.invalidSession(false);
		SimulatedSession fresh = this.discord.within(Duration.ofSeconds(20)).awaitReady();
		assertThat(fresh.sessionId()).isNotEqualTo(old.sessionId());
		assertThat(fresh.isConnected()).isTrue();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(DiceRoller.class)
	static class Bot {

		final List<MessageCreateEvent> messages = new CopyOnWriteArrayList<>();

		final List<GuildCreateEvent> guilds = new CopyOnWriteArrayList<>();

		@EventListener
		void on(MessageCreateEvent event) {
			this.messages.add(event);
		}

		@EventListener
		void on(GuildCreateEvent event) {
			this.guilds.add(event);
		}

	}

	/**
	 * Answers {@code /roll sides:N} the way a bot answers any interaction: over HTTP, within 3 seconds.
	 */
	static class DiceRoller {

		private final RestClient discord;

		DiceRoller(@Qualifier("discordRestClient") RestClient discord) {
			this.discord = discord;
		}

		@EventListener
		void on(InteractionCreateEvent event) {
			Interaction interaction = event.getInteraction();
			long sides = interaction.data().options().get(0).value().asLong();
			String content = interaction.member().user().username() + " rolled a d" + sides;
			this.discord.post()
				.uri(event.getCallbackPath())
				.body(InteractionResponse.message(content))
				.retrieve()
				.toBodilessEntity();
		}

	}

}
