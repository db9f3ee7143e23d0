package io.github.discordgateway.simulator;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bot without the MESSAGE_CONTENT intent gets messages blanked, except DMs and messages that mention it.
 */
class MessageContentTests {

	private static final long GUILDS = 1;

	private static final long GUILD_MESSAGES = 1 << 9;

	private static final long DIRECT_MESSAGES = 1 << 12;

	private static final long MESSAGE_CONTENT = 1 << 15;

	private final GatewaySimulator simulator = GatewaySimulator.start(SimulatorOptions.builder()
		.enabledPrivilegedIntents(SimulatorOptions.MESSAGE_CONTENT)
		.identifyWindow(Duration.ZERO)
		.build());

	private final String guildId = this.simulator.options().guilds().get(0).id();

	private final String botId = this.simulator.options().botUser().id();

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void withoutTheIntentContentEmbedsAttachmentsAndComponentsArriveEmpty() {
		JsonNode received = receive(GUILDS | GUILD_MESSAGES, "\"guild_id\":\"" + this.guildId + "\"", "[]");
		assertThat(received.path("content").asString()).isEmpty();
		assertThat(received.path("embeds").isEmpty()).isTrue();
		assertThat(received.path("attachments").isEmpty()).isTrue();
		assertThat(received.path("components").isEmpty()).isTrue();
		assertThat(received.has("poll")).isFalse();
		assertThat(received.path("id").asString()).isEqualTo("7");
	}

	@Test
	void withTheIntentEverythingArrives() {
		JsonNode received = receive(GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT, "\"guild_id\":\"" + this.guildId + "\"",
				"[]");
		assertThat(received.path("content").asString()).isEqualTo("secret");
		assertThat(received.path("embeds").size()).isOne();
		assertThat(received.has("poll")).isTrue();
	}

	@Test
	void aMessageThatMentionsTheBotKeepsItsContent() {
		JsonNode received = receive(GUILDS | GUILD_MESSAGES, "\"guild_id\":\"" + this.guildId + "\"",
				"[{\"id\":\"" + this.botId + "\",\"username\":\"bot\"}]");
		assertThat(received.path("content").asString()).isEqualTo("secret");
	}

	@Test
	void aDirectMessageKeepsItsContent() {
		JsonNode received = receive(GUILDS | DIRECT_MESSAGES, "\"channel_type\":1", "[]");
		assertThat(received.path("content").asString()).isEqualTo("secret");
		assertThat(received.path("attachments").size()).isOne();
	}

	private JsonNode receive(long intents, String placement, String mentions) {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.identify(intents);
			SimulatedSession session = this.simulator.awaitReady(JdkGatewayClient.TIMEOUT);
			session.dispatch("MESSAGE_CREATE", "{\"id\":\"7\",\"channel_id\":\"8\"," + placement
					+ ",\"author\":{\"id\":\"9\",\"username\":\"ada\"},\"content\":\"secret\",\"mentions\":" + mentions
					+ ",\"embeds\":[{\"title\":\"t\"}],\"attachments\":[{\"id\":\"1\",\"filename\":\"a.png\"}],"
					+ "\"components\":[{\"type\":1,\"components\":[]}],\"poll\":{\"question\":{\"text\":\"q\"}}}");
			JsonNode dispatch;
			do {
				dispatch = client.next(0);
			}
			while (!dispatch.path("t").asString().equals("MESSAGE_CREATE"));
			return dispatch.path("d");
		}
	}

}
