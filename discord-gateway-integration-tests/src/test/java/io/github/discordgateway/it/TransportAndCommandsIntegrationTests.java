package io.github.discordgateway.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.discordgateway.command.DiscordGateway;
import io.github.discordgateway.command.GatewayRateLimitedException;
import io.github.discordgateway.command.GuildMembers;
import io.github.discordgateway.command.RequestChannelInfo;
import io.github.discordgateway.command.RequestGuildMembers;
import io.github.discordgateway.command.UpdateVoiceState;
import io.github.discordgateway.protocol.UpdatePresence;
import io.github.discordgateway.session.ShardState;
import io.github.discordgateway.sharding.ShardManager;
import io.github.discordgateway.simulator.ClientFrame;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;
import io.github.discordgateway.transport.PayloadTooLargeException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Issue #4, outbound: every command of the {@link DiscordGateway} bean as it reaches the simulator's wire
 * (GATEWAY.md §14), the answers matched to member requests, and commands waiting for READY and for their shard.
 */
class TransportAndCommandsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GatewaySimulator simulator = GatewaySimulator.start();

	private final String guildId = this.simulator.options().guilds().get(0).id();

	@AfterEach
	void stopSimulator() {
		this.simulator.close();
	}

	@Test
	void updatePresenceSendsOp3() {
		BotRunner.against(this.simulator).run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			context.getBean(DiscordGateway.class)
				.updatePresence(new UpdatePresence(null,
						List.of(new UpdatePresence.Activity("chess", 0, null, null),
								new UpdatePresence.Activity("Custom Status", 4, "thinking", null)),
						"dnd", false))
				.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			assertThat(this.simulator.awaitFrame(3, TIMEOUT).d()).isEqualTo(json("""
					{"since":null,"activities":[{"name":"chess","type":0},
					{"name":"Custom Status","type":4,"state":"thinking"}],"status":"dnd","afk":false}"""));
		});
	}

	@Test
	void updateVoiceStateSendsOp4ToJoinAndToLeave() {
		BotRunner.against(this.simulator).run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			DiscordGateway gateway = context.getBean(DiscordGateway.class);
			gateway.updateVoiceState(new UpdateVoiceState(this.guildId, "1300000000000000003", true, false)).join();
			gateway.updateVoiceState(new UpdateVoiceState(this.guildId, null, false, true)).join();
			assertThat(this.simulator.awaitFrame(4, TIMEOUT).d()).isEqualTo(json("{\"guild_id\":\"" + this.guildId
					+ "\",\"channel_id\":\"1300000000000000003\",\"self_mute\":true,\"self_deaf\":false}"));
			assertThat(this.simulator.awaitFrame(4, TIMEOUT).d()).isEqualTo(json(
					"{\"guild_id\":\"" + this.guildId + "\",\"channel_id\":null,\"self_mute\":false,\"self_deaf\":true}"));
		});
	}

	@Test
	void requestSoundboardSoundsSendsOp31() {
		BotRunner.against(this.simulator).run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			context.getBean(DiscordGateway.class).requestSoundboardSounds(List.of(this.guildId)).join();
			assertThat(this.simulator.awaitFrame(31, TIMEOUT).d())
				.isEqualTo(json("{\"guild_ids\":[\"" + this.guildId + "\"]}"));
		});
	}

	@Test
	void requestChannelInfoSendsOp43() {
		BotRunner.against(this.simulator).run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			context.getBean(DiscordGateway.class).requestChannelInfo(RequestChannelInfo.allFields(this.guildId)).join();
			assertThat(this.simulator.awaitFrame(43, TIMEOUT).d()).isEqualTo(
					json("{\"guild_id\":\"" + this.guildId + "\",\"fields\":[\"status\",\"voice_start_time\"]}"));
		});
	}

	@Test
	void identifyCarriesTheInitialPresenceFromProperties() {
		BotRunner.against(this.simulator, "discord.gateway.presence.status=idle",
				"discord.gateway.presence.activity.name=the gateway", "discord.gateway.presence.activity.type=watching")
			.run((context) -> {
				SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
				assertThat(session.identify().get("presence")).isEqualTo(json("""
						{"since":null,"activities":[{"name":"the gateway","type":3}],"status":"idle","afk":false}"""));
			});
	}

	@Test
	void memberChunksAreGatheredByNonce() {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			CompletableFuture<GuildMembers> members = context.getBean(DiscordGateway.class)
				.requestGuildMembers(RequestGuildMembers.all(this.guildId));
			JsonNode request = this.simulator.awaitFrame(8, TIMEOUT).d();
			String nonce = request.get("nonce").asString();
			assertThat(nonce.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(32);
			assertThat(request).isEqualTo(json("{\"guild_id\":\"" + this.guildId
					+ "\",\"query\":\"\",\"limit\":0,\"nonce\":\"" + nonce + "\"}"));
			session.dispatch("GUILD_MEMBERS_CHUNK", chunk(0, 3, "someone-else's-nonce", "999"));
			for (int index = 0; index < 3; index++) {
				session.dispatch("GUILD_MEMBERS_CHUNK", chunk(index, 3, nonce, "10" + index, "20" + index));
			}
			GuildMembers result = members.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
			assertThat(result.guildId()).hasToString(this.guildId);
			assertThat(result.members()).extracting((member) -> member.user().id().toString())
				.containsExactly("100", "200", "101", "201", "102", "202");
		});
	}

	@Test
	void aRateLimitedDispatchFailsTheMemberRequest() {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			CompletableFuture<GuildMembers> members = context.getBean(DiscordGateway.class)
				.requestGuildMembers(RequestGuildMembers.all(this.guildId));
			String nonce = this.simulator.awaitFrame(8, TIMEOUT).d().get("nonce").asString();
			session.dispatch("RATE_LIMITED",
					Map.of("opcode", 8, "retry_after", 1.5, "meta", Map.of("guild_id", this.guildId, "nonce", nonce)));
			await().atMost(TIMEOUT).until(members::isDone);
			assertThat(members).failsWithin(Duration.ZERO)
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOfSatisfying(GatewayRateLimitedException.class,
						(ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMillis(1500)));
		});
	}

	@Test
	void aMemberRequestWithoutAnswerTimesOut() {
		BotRunner.against(this.simulator, "discord.gateway.member-request-timeout=300ms").run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			// Discord (and the simulator) answer no request for all members from a bot without GUILD_MEMBERS.
			CompletableFuture<GuildMembers> members = context.getBean(DiscordGateway.class)
				.requestGuildMembers(RequestGuildMembers.all(this.guildId));
			assertThat(this.simulator.awaitFrame(8, TIMEOUT).d().get("limit").asInt()).isZero();
			await().atMost(TIMEOUT).until(members::isDone);
			assertThat(members).failsWithin(Duration.ZERO)
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOf(TimeoutException.class);
		});
	}

	@Test
	void anOverSizeCommandIsRefusedBeforeTheWire() {
		BotRunner.against(this.simulator).run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			DiscordGateway gateway = context.getBean(DiscordGateway.class);
			UpdatePresence huge = new UpdatePresence(null,
					List.of(new UpdatePresence.Activity("x".repeat(5000), 0, null, null)), "online", false);
			assertThatExceptionOfType(PayloadTooLargeException.class).isThrownBy(() -> gateway.updatePresence(huge))
				.satisfies((ex) -> assertThat(ex.opcode()).isEqualTo(3));
			// A command sent afterwards on the same connection is the ordering point: the refused one is not before it.
			gateway.requestChannelInfo(RequestChannelInfo.allFields(this.guildId)).join();
			this.simulator.awaitFrame(43, TIMEOUT);
			assertThat(this.simulator.framesReceived(3)).isEmpty();
			assertThat(this.simulator.connections()).singleElement()
				.satisfies((connection) -> assertThat(connection.serverCloseCode()).isEmpty());
		});
	}

	/**
	 * Two shards and one identify per 5 s: the shard that identifies second is not ready for seconds after the
	 * first is. A command for one of its guilds waits for it, then goes out on its connection, after its Identify.
	 */
	@Test
	void commandsWaitForReadyAndGoToTheGuildsShard() {
		try (GatewaySimulator twoShards = GatewaySimulator.start(SimulatorOptions.builder().recommendedShards(2).build())) {
			BotRunner.against(twoShards).run((context) -> {
				int readyShard = twoShards.awaitReady(TIMEOUT).shard().orElseThrow().id();
				int laterShard = 1 - readyShard;
				assertThat(context.getBean(ShardManager.class).shard(laterShard).status().state())
					.isNotEqualTo(ShardState.READY);
				DiscordGateway gateway = context.getBean(DiscordGateway.class);
				String onLaterShard = guildOnShard(laterShard, 2);
				String onReadyShard = guildOnShard(readyShard, 2);
				CompletableFuture<Void> waiting = gateway.requestChannelInfo(RequestChannelInfo.allFields(onLaterShard));
				gateway.requestChannelInfo(RequestChannelInfo.allFields(onReadyShard)).join();
				assertThat(waiting).isNotDone();
				SimulatedSession later = twoShards.awaitReady(TIMEOUT);
				assertThat(later.shard()).hasValue(new SimulatedSession.Shard(laterShard, 2));
				waiting.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
				ClientFrame first = twoShards.awaitFrame(43, TIMEOUT);
				ClientFrame second = twoShards.awaitFrame(43, TIMEOUT);
				assertThat(first.d().get("guild_id").asString()).isEqualTo(onReadyShard);
				assertThat(second.d().get("guild_id").asString()).isEqualTo(onLaterShard);
				assertThat(second.connectionId()).isEqualTo(later.connectionId().getAsInt());
				ClientFrame identify = twoShards.framesReceived(2).stream()
					.filter((frame) -> frame.connectionId() == second.connectionId()).findFirst().orElseThrow();
				assertThat(second.receivedNanos()).isGreaterThan(identify.receivedNanos());
				assertThat(twoShards.connections()).allSatisfy(
						(connection) -> assertThat(connection.serverCloseCode()).as("closed by the simulator").isEmpty());
			});
		}
	}

	/** A snowflake that routes to {@code shard} of {@code count}: {@code (id >> 22) % count == shard}. */
	private static String guildOnShard(int shard, int count) {
		long base = 1_300_000_000_000_000_000L >> 22;
		long timestamp = base - Math.floorMod(base, count) + shard;
		return String.valueOf(timestamp << 22);
	}

	private static Map<String, Object> chunk(int index, int count, String nonce, String... userIds) {
		List<Map<String, Object>> members = Arrays.stream(userIds)
			.<Map<String, Object>>map((id) -> Map.of("user", Map.of("id", id, "username", "user" + id), "roles", List.of()))
			.toList();
		return Map.of("guild_id", "1300000000000000001", "members", members, "chunk_index", index, "chunk_count", count,
				"nonce", nonce);
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
