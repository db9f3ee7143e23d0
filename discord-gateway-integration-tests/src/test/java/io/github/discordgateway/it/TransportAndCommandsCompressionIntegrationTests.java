package io.github.discordgateway.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.it.BotRunner.RecordingListener;
import io.github.discordgateway.simulator.GatewayConnection;
import io.github.discordgateway.simulator.GatewayPort;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #4, inbound: the transport compressions and large messages, end to end from the simulator's wire to a
 * listener.
 */
@ExtendWith(OutputCaptureExtension.class)
class TransportAndCommandsCompressionIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Not the simulator's own guild, whose GUILD_CREATE comes after READY. */
	private static final String BIG_GUILD_ID = "1300000000000000900";

	@Test
	void zlibMessagesSplitAcrossFramesArriveIntact() {
		try (GatewaySimulator simulator = GatewaySimulator.start(SimulatorOptions.builder()
			.zlibFrameSplit(4)
			.enabledPrivilegedIntents(SimulatorOptions.MESSAGE_CONTENT)
			.build())) {
			BotRunner.against(simulator, BotRunner.READS_MESSAGE_CONTENT).run((context) -> {
				SimulatedSession session = simulator.awaitReady(TIMEOUT);
				dispatchMessages(simulator, session, 0, 20);
				RecordingListener listener = context.getBean(RecordingListener.class);
				await().atMost(TIMEOUT).until(() -> listener.sequences("MESSAGE_CREATE").size() == 20);
				assertThat(contents(listener)).containsExactlyElementsOf(expectedContents(0, 20));
				assertThat(simulator.connections()).singleElement()
					.satisfies((connection) -> assertThat(connection.query()).containsEntry("compress", "zlib-stream"));
			});
		}
	}

	@Test
	void aFiveMegabyteGuildCreateArrivesWhole() {
		int memberCount = 20_000;
		ObjectNode guild = bigGuild(memberCount);
		assertThat(JSON.writeValueAsBytes(guild).length).as("the GUILD_CREATE's size").isGreaterThan(5_000_000);
		try (GatewaySimulator simulator = GatewaySimulator.start(SimulatorOptions.builder().zlibFrameSplit(3).build())) {
			BotRunner.against(simulator).run((context) -> {
				SimulatedSession session = simulator.awaitReady(TIMEOUT);
				session.dispatch("GUILD_CREATE", guild);
				RecordingListener listener = context.getBean(RecordingListener.class);
				await().atMost(TIMEOUT).until(() -> listener.events.stream()
					.anyMatch(TransportAndCommandsCompressionIntegrationTests::isBigGuild));
				JsonNode received = listener.events.stream().filter(TransportAndCommandsCompressionIntegrationTests::isBigGuild)
					.findFirst().orElseThrow().getDataNode();
				assertThat(received.get("member_count").asInt()).isEqualTo(memberCount);
				assertThat(received.get("members").size()).isEqualTo(memberCount);
				JsonNode last = received.get("members").get(memberCount - 1);
				assertThat(last.get("user").get("username").asString()).isEqualTo("member-" + (memberCount - 1));
				assertThat(last.get("nick").asString()).isEqualTo("Nick ü " + (memberCount - 1));
				assertThat(simulator.connections()).hasSize(1);
			});
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "zlib-stream", "zstd-stream", "none" })
	void aDispatchOverTheConfiguredMaximumIsSkippedAndTheConnectionCarriesOn(String compression,
			CapturedOutput output) {
		try (GatewaySimulator simulator = GatewaySimulator.start(SimulatorOptions.builder()
			.zlibFrameSplit(3)
			.enabledPrivilegedIntents(SimulatorOptions.MESSAGE_CONTENT)
			.build())) {
			BotRunner.against(simulator, BotRunner.READS_MESSAGE_CONTENT, "discord.gateway.max-message-size=64KB",
					"discord.gateway.compression=" + compression).run((context) -> {
				SimulatedSession session = simulator.awaitReady(TIMEOUT);
				dispatchMessages(simulator, session, 0, 2);
				ObjectNode guild = bigGuild(2_000);
				assertThat(JSON.writeValueAsBytes(guild).length).as("the GUILD_CREATE's size").isGreaterThan(128 * 1024);
				long skipped = session.dispatch("GUILD_CREATE", guild);
				dispatchMessages(simulator, session, 2, 5);
				RecordingListener listener = context.getBean(RecordingListener.class);
				await().atMost(TIMEOUT).until(() -> listener.sequences("MESSAGE_CREATE").size() == 5);
				assertThat(contents(listener)).containsExactlyElementsOf(expectedContents(0, 5));
				assertThat(listener.events).noneMatch(TransportAndCommandsCompressionIntegrationTests::isBigGuild);
				assertThat(output).contains("Skipped a gateway message of")
					.contains("(event GUILD_CREATE, sequence " + skipped + ")")
					.contains("discord.gateway.max-message-size");
				assertThat(simulator.connections()).singleElement()
					.satisfies((connection) -> assertThat(connection.clientCloseCode()).isEmpty());
				assertThat(simulator.framesReceived(2)).as("Identify frames").hasSize(1);
				assertThat(simulator.framesReceived(6)).as("Resume frames").isEmpty();
				await().atMost(TIMEOUT).untilAsserted(() -> assertThat(context.getBean(MeterRegistry.class)
					.get("discord.gateway.messages.skipped").tag("reason", "oversize").counter().count()).isEqualTo(1));
			});
		}
	}

	@Test
	void afterReconnectTheNewConnectionDecodesWithAFreshInflateContext() {
		try (GatewaySimulator simulator = GatewaySimulator.start(SimulatorOptions.builder()
			.zlibFrameSplit(3)
			.enabledPrivilegedIntents(SimulatorOptions.MESSAGE_CONTENT)
			.build())) {
			BotRunner.against(simulator, BotRunner.READS_MESSAGE_CONTENT).run((context) -> {
				SimulatedSession session = simulator.awaitReady(TIMEOUT);
				dispatchMessages(simulator, session, 0, 5);
				RecordingListener listener = context.getBean(RecordingListener.class);
				await().atMost(TIMEOUT).until(() -> listener.sequences("MESSAGE_CREATE").size() == 5);
				session.sendReconnect();
				await().atMost(TIMEOUT).until(() -> session.connectionId().orElse(0) == 2);
				// The simulator's new connection starts a new zlib stream (with its header): an inflater carried
				// over from the first connection would fail on it.
				dispatchMessages(simulator, session, 5, 10);
				await().atMost(TIMEOUT).until(() -> listener.sequences("MESSAGE_CREATE").size() == 10);
				assertThat(contents(listener)).containsExactlyElementsOf(expectedContents(0, 10));
				GatewayConnection second = simulator.connections().get(1);
				assertThat(second.port()).isEqualTo(GatewayPort.RESUME);
				assertThat(second.query()).containsEntry("compress", "zlib-stream");
				assertThat(simulator.connections()).hasSize(2);
			});
		}
	}

	@Test
	void zstdStreamWorksEndToEnd() {
		try (GatewaySimulator simulator = GatewaySimulator.start(
				SimulatorOptions.builder().enabledPrivilegedIntents(SimulatorOptions.MESSAGE_CONTENT).build())) {
			BotRunner.against(simulator, "discord.gateway.compression=zstd-stream", BotRunner.READS_MESSAGE_CONTENT).run((context) -> {
				SimulatedSession session = simulator.awaitReady(TIMEOUT);
				dispatchMessages(simulator, session, 0, 20);
				session.dispatch("GUILD_CREATE", bigGuild(2_000));
				RecordingListener listener = context.getBean(RecordingListener.class);
				await().atMost(TIMEOUT).until(() -> listener.events.stream()
					.anyMatch(TransportAndCommandsCompressionIntegrationTests::isBigGuild));
				assertThat(contents(listener)).containsExactlyElementsOf(expectedContents(0, 20));
				assertThat(simulator.connections()).singleElement()
					.satisfies((connection) -> assertThat(connection.query()).containsEntry("compress", "zstd-stream"));
			});
		}
	}

	@Test
	void withoutCompressionMessagesComeAsText() {
		try (GatewaySimulator simulator = GatewaySimulator.start(
				SimulatorOptions.builder().enabledPrivilegedIntents(SimulatorOptions.MESSAGE_CONTENT).build())) {
			BotRunner.against(simulator, "discord.gateway.compression=none", BotRunner.READS_MESSAGE_CONTENT).run((context) -> {
				SimulatedSession session = simulator.awaitReady(TIMEOUT);
				dispatchMessages(simulator, session, 0, 20);
				RecordingListener listener = context.getBean(RecordingListener.class);
				await().atMost(TIMEOUT).until(() -> listener.sequences("MESSAGE_CREATE").size() == 20);
				assertThat(contents(listener)).containsExactlyElementsOf(expectedContents(0, 20));
				assertThat(simulator.connections()).singleElement()
					.satisfies((connection) -> assertThat(connection.query()).doesNotContainKey("compress"));
			});
		}
	}

	private static void dispatchMessages(GatewaySimulator simulator, SimulatedSession session, int from, int to) {
		String guildId = simulator.options().guilds().get(0).id();
		String channelId = simulator.options().guilds().get(0).textChannelId();
		for (int i = from; i < to; i++) {
			session.dispatch("MESSAGE_CREATE",
					Map.of("id", String.valueOf(1_400_000_000_000_000_000L + i), "channel_id", channelId, "guild_id",
							guildId, "content", content(i)));
		}
	}

	private static String content(int i) {
		// Non-ASCII text catches a decoder that splits UTF-8 sequences at frame boundaries.
		return "message " + i + " — héllo ✓ " + "lorem ipsum ".repeat(i % 7);
	}

	private static List<String> expectedContents(int from, int to) {
		return IntStream.range(from, to).mapToObj(TransportAndCommandsCompressionIntegrationTests::content)
			.toList();
	}

	private static List<String> contents(RecordingListener listener) {
		return listener.events.stream().filter((event) -> event.getName().equals("MESSAGE_CREATE"))
			.map((event) -> event.getDataNode().get("content").asString()).toList();
	}

	private static boolean isBigGuild(DispatchEvent event) {
		return event.getName().equals("GUILD_CREATE") && BIG_GUILD_ID.equals(event.getDataNode().get("id").asString());
	}

	/** A GUILD_CREATE of a big guild: its members make up most of the bytes, as on Discord. */
	private static ObjectNode bigGuild(int memberCount) {
		ObjectNode guild = JSON.createObjectNode();
		guild.put("id", BIG_GUILD_ID);
		guild.put("name", "Big Guild");
		guild.put("large", true);
		guild.put("member_count", memberCount);
		ArrayNode members = guild.putArray("members");
		for (int i = 0; i < memberCount; i++) {
			ObjectNode member = members.addObject();
			ObjectNode user = member.putObject("user");
			user.put("id", String.valueOf(1_200_000_000_000_000_000L + i));
			user.put("username", "member-" + i);
			user.put("global_name", "Member Number " + i);
			user.put("avatar", String.format("%032x", (long) i * 2_654_435_761L));
			user.put("discriminator", "0");
			user.put("bot", false);
			member.put("nick", "Nick ü " + i);
			member.putArray("roles").add(String.valueOf(1_300_000_000_000_000_100L + i % 17))
				.add(String.valueOf(1_300_000_000_000_000_200L + i % 5));
			member.put("joined_at", "2024-0" + (1 + i % 9) + "-1" + (i % 10) + "T12:34:56.789000+00:00");
			member.put("premium_since", (String) null);
			member.put("deaf", false);
			member.put("mute", false);
			member.put("pending", false);
			member.put("flags", 0);
		}
		return guild;
	}

}
