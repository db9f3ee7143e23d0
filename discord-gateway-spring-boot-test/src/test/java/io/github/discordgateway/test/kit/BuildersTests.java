package io.github.discordgateway.test.kit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.web.client.RestClient;

import io.github.discordgateway.command.DiscordGateway;
import io.github.discordgateway.command.GuildMembers;
import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.event.GuildMemberAddEvent;
import io.github.discordgateway.event.InteractionCreateEvent;
import io.github.discordgateway.event.MessageCreateEvent;
import io.github.discordgateway.event.MessageReactionAddEvent;
import io.github.discordgateway.model.BotActivity;
import io.github.discordgateway.model.BotPresence;
import io.github.discordgateway.model.GuildMember;
import io.github.discordgateway.model.Interaction;
import io.github.discordgateway.model.InteractionResponse;
import io.github.discordgateway.model.InteractionType;
import io.github.discordgateway.model.MessageReaction;
import io.github.discordgateway.model.Snowflake;
import io.github.discordgateway.protocol.Intent;
import io.github.discordgateway.simulator.RestCall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each builder's dispatch as the bot's typed listeners read it, and the typed gateway commands as the simulator
 * receives and answers them.
 */
@SpringBootTest(classes = BuildersTests.Bot.class, properties = "discord.gateway.intents=GUILDS,GUILD_MEMBERS,"
		+ "GUILD_MESSAGES,GUILD_MESSAGE_REACTIONS,DIRECT_MESSAGES,GUILD_VOICE_STATES")
@EnableGatewaySimulator(privilegedIntents = Intent.GUILD_MEMBERS)
class BuildersTests {

	@Autowired
	SimulatedDiscord discord;

	@Autowired
	DiscordGateway gateway;

	@Autowired
	Bot bot;

	@Test
	void memberJoinArrivesAsGuildMemberAdd() {
		this.discord.awaitReady();
		this.discord.memberJoin("42", "grace").withRoles("7").bot().send();
		GuildMember member = this.bot.await(GuildMemberAddEvent.class).getMember();
		assertThat(member.guildId()).hasToString(this.discord.guild().id());
		assertThat(member.member().user().username()).isEqualTo("grace");
		assertThat(member.member().user().bot()).isTrue();
		assertThat(member.member().roles()).containsExactly(Snowflake.of(7));
	}

	@Test
	void reactionArrivesAsMessageReactionAdd() {
		this.discord.awaitReady();
		this.discord.reaction("99", "👍").from("42", "grace").send();
		MessageReaction reaction = this.bot.await(MessageReactionAddEvent.class).getReaction();
		assertThat(reaction.messageId()).isEqualTo(Snowflake.of(99));
		assertThat(reaction.userId()).isEqualTo(Snowflake.of(42));
		assertThat(reaction.emoji().name()).isEqualTo("👍");
		assertThat(reaction.messageAuthorId()).hasToString(this.discord.simulator().options().botUser().id());
		assertThat(reaction.member().user().username()).isEqualTo("grace");
	}

	@Test
	void buttonClickIsAComponentInteractionTheBotAnswers() {
		this.discord.awaitReady();
		String id = this.discord.button("confirm").onMessage("55").from("42", "grace").send();
		RestCall response = this.discord.awaitInteractionResponse(id);
		assertThat(response.body()).contains("\"type\":7", "grace clicked confirm");
		Interaction interaction = this.bot.await(InteractionCreateEvent.class).getInteraction();
		assertThat(interaction.type()).isEqualTo(InteractionType.MESSAGE_COMPONENT);
		assertThat(interaction.data().componentType()).isEqualTo(ComponentInteractionBuilder.BUTTON);
		assertThat(interaction.message().id()).isEqualTo(Snowflake.of(55));
	}

	@Test
	void selectCarriesTheChosenValues() {
		this.discord.awaitReady();
		String id = this.discord.stringSelect("colour", "red", "blue").send();
		assertThat(this.discord.awaitInteractionResponse(id).body()).contains("ada chose [red, blue]");
		Interaction interaction = this.bot.await(InteractionCreateEvent.class).getInteraction();
		assertThat(interaction.data().componentType()).isEqualTo(ComponentInteractionBuilder.STRING_SELECT);
	}

	@Test
	void modalSubmitCarriesTheTextInputs() {
		this.discord.awaitReady();
		String id = this.discord.modalSubmit("feedback").field("rating", "5").field("comment", "nice").send();
		RestCall response = this.discord.awaitInteractionResponse(id);
		assertThat(response.body()).contains("\"type\":4", "\"flags\":64", "rated 5: nice");
		assertThat(this.bot.await(InteractionCreateEvent.class).getInteraction().type())
			.isEqualTo(InteractionType.MODAL_SUBMIT);
	}

	@Test
	void messagesMayMentionTheBotOrBeDirect() {
		this.discord.awaitReady();
		this.discord.message("hi @bot").mentioningTheBot().inDirectMessage().send();
		MessageCreateEvent event = this.bot.await(MessageCreateEvent.class);
		assertThat(event.getMessage().guildId()).isNull();
		assertThat(event.getMessage().member()).isNull();
		assertThat(event.getMessage().mentions()).extracting((mentioned) -> mentioned.user().id().toString())
			.containsExactly(this.discord.simulator().options().botUser().id());
		assertThat(event.getMessage().content()).isEqualTo("hi @bot");
	}

	@Test
	void typedCommandsGoOnTheWireAsDiscordWantsThem() throws Exception {
		this.discord.awaitReady();
		Snowflake guild = Snowflake.of(this.discord.guild().id());
		this.gateway.updatePresence(BotPresence.online(BotActivity.watching("the tests"))).get(10, TimeUnit.SECONDS);
		assertThat(this.discord.awaitCommand(3).text()).contains("\"status\":\"online\"", "\"afk\":false",
				"\"name\":\"the tests\"", "\"type\":3");
		this.gateway.joinVoiceChannel(guild, Snowflake.of(77)).get(10, TimeUnit.SECONDS);
		assertThat(this.discord.awaitCommand(4).text()).contains("\"guild_id\":\"" + guild + "\"",
				"\"channel_id\":\"77\"");
		Snowflake botId = Snowflake.of(this.discord.simulator().options().botUser().id());
		GuildMembers members = this.gateway.requestMembers(guild, List.of(botId, Snowflake.of(42)))
			.get(10, TimeUnit.SECONDS);
		assertThat(members.members()).extracting((member) -> member.user().id()).containsExactly(botId);
		assertThat(members.notFound()).containsExactly(Snowflake.of(42));
		this.gateway.requestChannelInfo(guild).get(10, TimeUnit.SECONDS);
		assertThat(this.bot.await("CHANNEL_INFO").getDataNode().path("guild_id").asString()).isEqualTo(guild.toString());
		this.gateway.requestSoundboardSounds(guild).get(10, TimeUnit.SECONDS);
		assertThat(this.bot.await("SOUNDBOARD_SOUNDS").getDataNode().path("guild_id").asString())
			.isEqualTo(guild.toString());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Responder.class)
	static class Bot {

		final List<DispatchEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(DispatchEvent event) {
			this.events.add(event);
		}

		<T extends DispatchEvent> T await(Class<T> type) {
			return type.cast(await(type::isInstance));
		}

		DispatchEvent await(String name) {
			return await((event) -> event.getName().equals(name));
		}

		private DispatchEvent await(Predicate<DispatchEvent> matches) {
			return Awaitility.await().atMost(Duration.ofSeconds(10))
				.until(() -> this.events.stream().filter(matches).reduce((first, second) -> second).orElse(null),
						(found) -> found != null);
		}

	}

	/**
	 * Answers components and modals over HTTP, as a bot does.
	 */
	static class Responder {

		private final RestClient discord;

		Responder(@Qualifier("discordRestClient") RestClient discord) {
			this.discord = discord;
		}

		@EventListener
		void on(InteractionCreateEvent event) {
			Interaction interaction = event.getInteraction();
			String user = interaction.member().user().username();
			InteractionResponse response;
			if (interaction.type().equals(InteractionType.MODAL_SUBMIT)) {
				response = InteractionResponse.ephemeralMessage(user + " rated "
						+ interaction.data().textInputValue("rating") + ": " + interaction.data().textInputValue("comment"));
			}
			else if (interaction.data().values() != null) {
				response = InteractionResponse.updateMessage(user + " chose " + interaction.data().values());
			}
			else {
				response = InteractionResponse.updateMessage(user + " clicked " + interaction.data().customId());
			}
			this.discord.post().uri(event.getCallbackPath()).body(response).retrieve().toBodilessEntity();
		}

	}

}
