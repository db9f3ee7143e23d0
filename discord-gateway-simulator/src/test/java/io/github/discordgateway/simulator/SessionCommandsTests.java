package io.github.discordgateway.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ops 8, 31 and 43 are answered as Discord answers them, and presence updates are limited to 5 per 20 s.
 */
class SessionCommandsTests {

	private static final long GUILDS = 1;

	private static final long GUILD_MEMBERS = 1 << 1;

	private static final long GUILD_PRESENCES = 1 << 8;

	private static final SimulatedGuild GUILD = SimulatorOptions.defaults().guilds().get(0);

	private static final List<SimulatedMember> MEMBERS = IntStream.range(0, 2499)
		.mapToObj((i) -> new SimulatedMember(String.valueOf(1_400_000_000_000_000_000L + i),
				((i % 2 == 0) ? "grace" : "ada") + i, (i % 3 == 0) ? "idle" : "online"))
		.toList();

	private final GatewaySimulator simulator = GatewaySimulator.start(SimulatorOptions.builder()
		.guilds(List.of(GUILD.withMembers(MEMBERS)))
		.enabledPrivilegedIntents(SimulatorOptions.GUILD_MEMBERS | SimulatorOptions.GUILD_PRESENCES)
		.identifyWindow(Duration.ZERO)
		.build());

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void allMembersComeInChunksOfAThousandWithTheNonce() {
		try (JdkGatewayClient client = ready(GUILDS | GUILD_MEMBERS)) {
			client.send(op8("\"query\":\"\",\"limit\":0,\"nonce\":\"n1\""));
			List<JsonNode> chunks = List.of(chunk(client), chunk(client), chunk(client));
			assertThat(chunks).extracting((chunk) -> chunk.path("members").size()).containsExactly(1000, 1000, 500);
			assertThat(chunks).extracting((chunk) -> chunk.path("chunk_index").asInt()).containsExactly(0, 1, 2);
			assertThat(chunks).allSatisfy((chunk) -> {
				assertThat(chunk.path("chunk_count").asInt()).isEqualTo(3);
				assertThat(chunk.path("nonce").asString()).isEqualTo("n1");
				assertThat(chunk.path("guild_id").asString()).isEqualTo(GUILD.id());
				assertThat(chunk.has("not_found")).isFalse();
				assertThat(chunk.has("presences")).isFalse();
			});
			assertThat(chunks.get(0).path("members").get(0).path("user").path("id").asString())
				.isEqualTo(this.simulator.options().botUser().id());
		}
	}

	@Test
	void aSecondRequestForAllMembersWithinThirtySecondsIsRateLimited() {
		try (JdkGatewayClient client = ready(GUILDS | GUILD_MEMBERS)) {
			client.send(op8("\"query\":\"\",\"limit\":0"));
			for (int i = 0; i < 3; i++) {
				chunk(client);
			}
			client.send(op8("\"query\":\"\",\"limit\":0,\"nonce\":\"again\""));
			JsonNode limited = client.next(0);
			assertThat(limited.path("t").asString()).isEqualTo("RATE_LIMITED");
			assertThat(limited.path("d").path("opcode").asInt()).isEqualTo(8);
			assertThat(limited.path("d").path("retry_after").asDouble()).isBetween(0.0, 30.0);
			assertThat(limited.path("d").path("meta").path("guild_id").asString()).isEqualTo(GUILD.id());
			assertThat(limited.path("d").path("meta").path("nonce").asString()).isEqualTo("again");
		}
	}

	@Test
	void allMembersWithoutTheGuildMembersIntentGetNoAnswer() {
		try (JdkGatewayClient client = ready(GUILDS)) {
			client.send(op8("\"query\":\"\",\"limit\":0"));
			client.send(op8("\"user_ids\":[\"" + MEMBERS.get(0).userId() + "\"]"));
			JsonNode chunk = chunk(client);
			assertThat(chunk.path("members").size()).isOne();
		}
	}

	@Test
	void userIdsThatAreNoMembersComeBackAsNotFoundAndPresencesNeedTheIntent() {
		String member = MEMBERS.get(0).userId();
		try (JdkGatewayClient client = ready(GUILDS | GUILD_PRESENCES)) {
			client.send(op8("\"user_ids\":[\"" + member + "\",\"42\"],\"presences\":true"));
			JsonNode chunk = chunk(client);
			assertThat(chunk.path("members").size()).isOne();
			assertThat(chunk.path("not_found").get(0).asString()).isEqualTo("42");
			assertThat(chunk.path("presences").get(0).path("user").path("id").asString()).isEqualTo(member);
			assertThat(chunk.path("presences").get(0).path("status").asString()).isEqualTo("idle");
		}
		try (JdkGatewayClient client = ready(GUILDS)) {
			client.send(op8("\"user_ids\":\"" + member + "\",\"presences\":true"));
			assertThat(chunk(client).has("presences")).isFalse();
		}
	}

	@Test
	void aPrefixQueryReturnsAtMostItsLimitAndAtMostOneHundred() {
		try (JdkGatewayClient client = ready(GUILDS)) {
			client.send(op8("\"query\":\"GRACE\",\"limit\":7"));
			JsonNode chunk = chunk(client);
			assertThat(chunk.path("members").size()).isEqualTo(7);
			chunk.path("members")
				.forEach((member) -> assertThat(member.path("user").path("username").asString()).startsWith("grace"));
			client.send(op8("\"query\":\"a\",\"limit\":1000"));
			assertThat(chunk(client).path("members").size()).isEqualTo(100);
		}
	}

	@Test
	void aNonceOverThirtyTwoBytesIsDropped() {
		try (JdkGatewayClient client = ready(GUILDS)) {
			client.send(op8("\"user_ids\":[\"42\"],\"nonce\":\"" + "n".repeat(33) + "\""));
			assertThat(chunk(client).has("nonce")).isFalse();
		}
	}

	@Test
	void aMemberRequestWithBothQueryAndUserIdsClosesWith4001() {
		try (JdkGatewayClient client = ready(GUILDS)) {
			client.send(op8("\"query\":\"a\",\"limit\":1,\"user_ids\":[\"42\"]"));
			assertThat(client.awaitCloseCode()).isEqualTo(4001);
		}
	}

	@Test
	void soundboardSoundsAreSentPerGuildTheBotIsIn() {
		try (JdkGatewayClient client = ready(GUILDS)) {
			client.send("{\"op\":31,\"d\":{\"guild_ids\":[\"42\",\"" + GUILD.id() + "\"]}}");
			JsonNode sounds = client.next(0);
			assertThat(sounds.path("t").asString()).isEqualTo("SOUNDBOARD_SOUNDS");
			assertThat(sounds.path("d").path("guild_id").asString()).isEqualTo(GUILD.id());
			assertThat(sounds.path("d").path("soundboard_sounds").isArray()).isTrue();
			client.send("{\"op\":31,\"d\":{\"guild_ids\":\"" + GUILD.id() + "\"}}");
			assertThat(client.awaitCloseCode()).isEqualTo(4001);
		}
	}

	@Test
	void channelInfoAnswersForTheGuildAndRefusesUnknownFields() {
		try (JdkGatewayClient client = ready(GUILDS)) {
			client.send("{\"op\":43,\"d\":{\"guild_id\":\"" + GUILD.id() + "\",\"fields\":[\"status\",\"voice_start_time\"]}}");
			JsonNode info = client.next(0);
			assertThat(info.path("t").asString()).isEqualTo("CHANNEL_INFO");
			assertThat(info.path("d").path("guild_id").asString()).isEqualTo(GUILD.id());
			assertThat(info.path("d").path("channels").isArray()).isTrue();
			client.send("{\"op\":43,\"d\":{\"guild_id\":\"" + GUILD.id() + "\",\"fields\":[\"topic\"]}}");
			assertThat(client.awaitCloseCode()).isEqualTo(4001);
		}
	}

	@Test
	void aSixthPresenceUpdateWithinTwentySecondsClosesWith4008() {
		String presence = "{\"op\":3,\"d\":{\"since\":null,\"activities\":[],\"status\":\"online\",\"afk\":false}}";
		try (JdkGatewayClient client = ready(GUILDS)) {
			for (int i = 0; i < SendRateLimit.MAX_PRESENCE_UPDATES; i++) {
				client.send(presence);
			}
			client.send("{\"op\":1,\"d\":2}");
			client.next(11);
			client.send(presence);
			assertThat(client.awaitCloseCode()).isEqualTo(4008);
		}
	}

	private JdkGatewayClient ready(long intents) {
		JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl());
		client.identify(intents);
		assertThat(client.next(0).path("t").asString()).isEqualTo("GUILD_CREATE");
		return client;
	}

	private static String op8(String fields) {
		return "{\"op\":8,\"d\":{\"guild_id\":\"" + GUILD.id() + "\"," + fields + "}}";
	}

	private static JsonNode chunk(JdkGatewayClient client) {
		JsonNode dispatch = client.next(0);
		assertThat(dispatch.path("t").asString()).isEqualTo("GUILD_MEMBERS_CHUNK");
		return dispatch.path("d");
	}

}
