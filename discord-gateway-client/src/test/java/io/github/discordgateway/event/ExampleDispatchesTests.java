package io.github.discordgateway.event;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.model.ActivityType;
import io.github.discordgateway.model.ApplicationCommandOptionType;
import io.github.discordgateway.model.ApplicationCommandType;
import io.github.discordgateway.model.Channel;
import io.github.discordgateway.model.ChannelType;
import io.github.discordgateway.model.Guild;
import io.github.discordgateway.model.Interaction;
import io.github.discordgateway.model.InteractionOption;
import io.github.discordgateway.model.InteractionType;
import io.github.discordgateway.model.Message;
import io.github.discordgateway.model.MessageType;
import io.github.discordgateway.model.Presence;
import io.github.discordgateway.model.Ready;
import io.github.discordgateway.model.ShardInfo;
import io.github.discordgateway.model.Snowflake;
import io.github.discordgateway.model.UnavailableGuild;
import io.github.discordgateway.protocol.GatewayJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatch examples in the shared {@code payloads/} folder, decoded through the typed factory.
 */
class ExampleDispatchesTests {

	private final GatewayJson json = new GatewayJson();

	private final TypedDispatchEventFactory events = new TypedDispatchEventFactory(this.json);

	private DispatchEvent dispatch(String file) {
		return ProtocolFiles.dispatch(this.json, this.events, file);
	}

	@Test
	void ready() {
		DispatchEvent event = dispatch("ready.json");
		assertThat(event).isInstanceOf(ReadyEvent.class);
		assertThat(event.getName()).isEqualTo("READY");
		assertThat(event.getSequence()).isEqualTo(1);
		Ready ready = ((ReadyEvent) event).getReady();
		assertThat(ready.v()).isEqualTo(10);
		assertThat(ready.user().id()).isEqualTo(Snowflake.of("80351110224678912"));
		assertThat(ready.user().username()).isEqualTo("Nelly");
		assertThat(ready.user().discriminator()).isEqualTo("1337");
		assertThat(ready.user().globalName()).isNull();
		assertThat(ready.user().publicFlags()).isEqualTo(64);
		assertThat(ready.guilds()).extracting(UnavailableGuild::id)
			.containsExactly(Snowflake.of("41771983423143937"), Snowflake.of("197038439483310086"));
		assertThat(ready.guilds()).allSatisfy((guild) -> {
			assertThat(guild.unavailable()).isTrue();
			assertThat(guild.isRemoved()).isFalse();
		});
		assertThat(ready.sessionId()).isEqualTo("evenmorerandomstring");
		assertThat(ready.resumeGatewayUrl()).isEqualTo("wss://gateway-us-east1-b.discord.gg");
		assertThat(ready.shard()).isEqualTo(new ShardInfo(0, 1));
		assertThat(ready.application().id()).isEqualTo(Snowflake.of("80351110224678912"));
		assertThat(ready.application().flags()).isEqualTo(565248L);
	}

	@Test
	void messageCreate() {
		DispatchEvent event = dispatch("message_create.json");
		assertThat(event).isInstanceOf(MessageCreateEvent.class);
		assertThat(event.getSequence()).isEqualTo(42);
		Message message = ((MessageCreateEvent) event).getMessage();
		assertThat(message.id()).hasToString("334385199974967042");
		assertThat(message.channelId()).hasToString("290926798999357250");
		assertThat(message.guildId()).hasToString("290926798626357999");
		assertThat(message.content()).isEqualTo("Supa Hot");
		assertThat(message.type()).isEqualTo(MessageType.DEFAULT);
		assertThat(message.channelType()).isEqualTo(ChannelType.GUILD_TEXT);
		assertThat(message.timestamp()).isEqualTo(OffsetDateTime.parse("2017-07-11T17:27:07.299Z"));
		assertThat(message.editedTimestamp()).isNull();
		assertThat(message.tts()).isFalse();
		assertThat(message.pinned()).isFalse();
		assertThat(message.mentions()).isEmpty();
		assertThat(message.attachments()).isEmpty();
		assertThat(message.author().username()).isEqualTo("Mason");
		assertThat(message.author().id()).hasToString("53908099506183680");
		assertThat(message.author().bot()).isNull();
		// The gateway's member has no user: the author is the user.
		assertThat(message.member().user()).isNull();
		assertThat(message.member().joinedAt()).isEqualTo(OffsetDateTime.parse("2015-04-26T06:26:56.936Z"));
		assertThat(message.member().roles()).isEmpty();
		assertThat(message.member().deaf()).isFalse();
		assertThat(message.reactions()).singleElement().satisfies((reaction) -> {
			assertThat(reaction.count()).isEqualTo(1);
			assertThat(reaction.me()).isFalse();
			assertThat(reaction.emoji().id()).isNull();
			assertThat(reaction.emoji().name()).isEqualTo("\uD83D\uDD25");
		});
	}

	@Test
	void guildCreate() {
		DispatchEvent event = dispatch("guild_create.json");
		assertThat(event).isInstanceOf(GuildCreateEvent.class);
		assertThat(event.getSequence()).isEqualTo(2);
		Guild guild = ((GuildCreateEvent) event).getGuild();
		assertThat(guild.id()).hasToString("197038439483310086");
		assertThat(guild.name()).isEqualTo("Discord Testers");
		assertThat(guild.ownerId()).hasToString("73193882359173120");
		assertThat(guild.features()).contains("COMMUNITY", "VERIFIED").hasSize(9);
		assertThat(guild.preferredLocale()).isEqualTo("en-US");
		assertThat(guild.joinedAt()).isEqualTo(OffsetDateTime.parse("2017-07-11T17:27:07.299Z"));
		assertThat(guild.large()).isTrue();
		assertThat(guild.unavailable()).isFalse();
		assertThat(guild.memberCount()).isEqualTo(250000);
		assertThat(guild.roles()).singleElement().satisfies((role) -> {
			assertThat(role.name()).isEqualTo("WE DEM BOYZZ!!!!!!");
			assertThat(role.color()).isEqualTo(3447003);
			assertThat(role.permissions()).isEqualTo("66321471");
			assertThat(role.hoist()).isTrue();
		});
		assertThat(guild.emojis()).singleElement().satisfies((emoji) -> {
			assertThat(emoji.name()).isEqualTo("LUL");
			assertThat(emoji.user().username()).isEqualTo("Luigi");
			assertThat(emoji.roles()).hasSize(2);
		});
		assertThat(guild.channels()).extracting(Channel::type)
			.containsExactly(ChannelType.GUILD_CATEGORY, ChannelType.GUILD_TEXT, ChannelType.GUILD_VOICE);
		assertThat(guild.channels()).extracting(Channel::name).containsExactly("Test", "general", "ROCKET CHEESE");
		assertThat(guild.channels().get(1).parentId()).hasToString("399942396007890945");
		assertThat(guild.channels().get(1).rateLimitPerUser()).isEqualTo(2);
		assertThat(guild.channels().get(2).bitrate()).isEqualTo(64000);
		assertThat(guild.threads()).singleElement().satisfies((thread) -> {
			assertThat(thread.type()).isEqualTo(ChannelType.PUBLIC_THREAD);
			assertThat(thread.name()).isEqualTo("don't buy dota-2");
			assertThat(thread.threadMetadata().autoArchiveDuration()).isEqualTo(1440);
			assertThat(thread.threadMetadata().archived()).isFalse();
		});
		assertThat(guild.voiceStates()).singleElement().satisfies((voice) -> {
			assertThat(voice.userId()).hasToString("80351110224678912");
			assertThat(voice.guildId()).isNull();
			assertThat(voice.selfMute()).isTrue();
			assertThat(voice.sessionId()).isEqualTo("90326bd25d71d39b9ef95b299e3872ff");
		});
		assertThat(guild.members()).singleElement().satisfies((member) -> {
			assertThat(member.nick()).isEqualTo("NOT API SUPPORT");
			assertThat(member.user().username()).isEqualTo("Nelly");
			assertThat(member.pending()).isFalse();
		});
		Presence presence = guild.presences().get(0);
		assertThat(presence.user().id()).hasToString("80351110224678912");
		assertThat(presence.status()).isEqualTo("online");
		assertThat(presence.clientStatus().desktop()).isEqualTo("online");
		assertThat(presence.activities()).singleElement().satisfies((activity) -> {
			assertThat(activity.name()).isEqualTo("Rocket League");
			assertThat(activity.type()).isEqualTo(ActivityType.PLAYING);
			assertThat(activity.createdAt()).isEqualTo(1500000000000L);
		});
	}

	@Test
	void interactionCreate() {
		DispatchEvent event = dispatch("interaction_create.json");
		assertThat(event).isInstanceOf(InteractionCreateEvent.class);
		assertThat(event.getSequence()).isEqualTo(43);
		Interaction interaction = ((InteractionCreateEvent) event).getInteraction();
		assertThat(interaction.id()).hasToString("786008729715212338");
		assertThat(interaction.applicationId()).hasToString("771824864796049408");
		assertThat(interaction.type()).isEqualTo(InteractionType.APPLICATION_COMMAND);
		assertThat(interaction.token()).isEqualTo("A_UNIQUE_TOKEN");
		assertThat(interaction.version()).isEqualTo(1);
		assertThat(interaction.guildId()).hasToString("290926798626357999");
		assertThat(interaction.channelId()).hasToString("645027906669510667");
		assertThat(interaction.appPermissions()).isEqualTo("442368");
		assertThat(interaction.locale()).isEqualTo("en-US");
		assertThat(interaction.user()).isNull();
		assertThat(interaction.member().user().username()).isEqualTo("Mason");
		assertThat(interaction.member().permissions()).isEqualTo("2147483647");
		assertThat(interaction.member().roles()).containsExactly(Snowflake.of("539082325061836999"));
		assertThat(interaction.data().id()).hasToString("771825006014889984");
		assertThat(interaction.data().name()).isEqualTo("cardsearch");
		assertThat(interaction.data().type()).isEqualTo(ApplicationCommandType.CHAT_INPUT);
		InteractionOption option = interaction.data().options().get(0);
		assertThat(option.name()).isEqualTo("cardname");
		assertThat(option.type()).isEqualTo(ApplicationCommandOptionType.STRING);
		assertThat(option.value().asString()).isEqualTo("The Gitrog Monster");
	}

	@Test
	void decodesOnceWhenAsked() {
		MessageCreateEvent event = (MessageCreateEvent) dispatch("message_create.json");
		assertThat(event.getMessage()).isSameAs(event.getMessage());
	}

}
