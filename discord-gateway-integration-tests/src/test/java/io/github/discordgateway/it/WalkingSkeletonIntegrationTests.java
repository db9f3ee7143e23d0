package io.github.discordgateway.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import io.github.discordgateway.it.BotRunner.RecordingListener;
import io.github.discordgateway.protocol.Intent;
import io.github.discordgateway.simulator.GatewayConnection;
import io.github.discordgateway.simulator.GatewayPort;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.RestCall;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path, from the token in the properties to a listener, against the simulator.
 */
class WalkingSkeletonIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** Short enough to see beats within a test, long enough that a stall of a loaded machine is no zombie. */
	private static final Duration HEARTBEAT = Duration.ofSeconds(1);

	private final GatewaySimulator simulator = GatewaySimulator
		.start(SimulatorOptions.builder()
			.heartbeatInterval(HEARTBEAT)
			.enabledPrivilegedIntents(SimulatorOptions.MESSAGE_CONTENT)
			.build());

	@AfterEach
	void stopSimulator() {
		this.simulator.close();
	}

	@Test
	void bootstrapsThenConnectsWithTheProtocolQuery() {
		BotRunner.against(this.simulator).run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			RestCall bootstrap = this.simulator.restCalls().get(0);
			assertThat(bootstrap.method()).isEqualTo("GET");
			assertThat(bootstrap.path()).isEqualTo("/api/v10/gateway/bot");
			assertThat(bootstrap.header("Authorization")).contains("Bot " + this.simulator.options().token());
			assertThat(bootstrap.header("User-Agent")).hasValueSatisfying(
					(userAgent) -> assertThat(userAgent).matches("DiscordBot \\(https://\\S+, \\S+\\)"));
			GatewayConnection connection = this.simulator.connections().get(0);
			assertThat(connection.port()).isEqualTo(GatewayPort.GATEWAY);
			assertThat(connection.query()).containsEntry("v", "10")
				.containsEntry("encoding", "json")
				.containsEntry("compress", "zlib-stream");
		});
	}

	@Test
	void theGatewayUrlPropertyOverridesTheOneDiscordNames() {
		BotRunner.against(this.simulator, "discord.gateway.url=" + this.simulator.resumeGatewayUrl()).run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			assertThat(this.simulator.connections().get(0).port()).isEqualTo(GatewayPort.RESUME);
		});
	}

	@Test
	void malformedFramesAndUnknownOpcodesAreLoggedAndSurvived() {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			session.sendRaw("{\"op\":0,\"t\":\"BROKEN");
			session.sendRaw("{\"op\":99,\"d\":{\"future\":true}}");
			session.sendRaw("[\"not\", \"an envelope\"]");
			long sequence = session.dispatch("TYPING_START", Map.of("channel_id", "1", "user_id", "2", "timestamp", 1));
			RecordingListener listener = context.getBean(RecordingListener.class);
			await().atMost(TIMEOUT).until(() -> listener.sequences("TYPING_START").contains(sequence));
			assertThat(this.simulator.connections()).hasSize(1);
			assertThat(this.simulator.connections().get(0).isOpen()).isTrue();
		});
	}

	@Test
	void identifiesWithTokenIntentsShardAndProperties() {
		BotRunner.against(this.simulator, "discord.gateway.large-threshold=100").run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			JsonNode identify = session.identify();
			assertThat(identify.get("token").asString()).isEqualTo(this.simulator.options().token());
			assertThat(identify.get("intents").asLong()).isEqualTo(Intent.bitfield(Intent.nonPrivileged()));
			assertThat(identify.get("shard").toString()).isEqualTo("[0,1]");
			assertThat(identify.get("large_threshold").asInt()).isEqualTo(100);
			assertThat(identify.get("properties").get("browser").asString()).isEqualTo("discord-gateway-spring-boot");
			assertThat(identify.get("properties").get("os").asString()).isNotBlank();
		});
	}

	@Test
	void heartbeatsCarryTheLastSequence() {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			long sequence = session.dispatch("TYPING_START", Map.of("channel_id", "1", "user_id", "2", "timestamp", 1));
			await().atMost(TIMEOUT).until(() -> this.simulator.framesReceived(1).stream()
				.anyMatch((frame) -> frame.d().asLong(-1) == sequence));
		});
	}

	@Test
	void aHeartbeatRequestIsAnsweredAtOnce() {
		// An interval far longer than the test, so that only the answer to op 1 can be the beat awaited.
		try (GatewaySimulator slowBeats = GatewaySimulator
			.start(SimulatorOptions.builder().heartbeatInterval(Duration.ofMinutes(10)).build())) {
			BotRunner.against(slowBeats).run((context) -> {
				SimulatedSession session = slowBeats.awaitReady(TIMEOUT);
				int beatsBefore = slowBeats.framesReceived(1).size();
				session.requestHeartbeat();
				await().atMost(TIMEOUT).until(() -> slowBeats.framesReceived(1).size() > beatsBefore);
			});
		}
	}

	@Test
	void dispatchesReachListenersInOrderAndAreCounted() {
		BotRunner.against(this.simulator, BotRunner.READS_MESSAGE_CONTENT).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			for (int i = 0; i < 50; i++) {
				session.dispatch("MESSAGE_CREATE", Map.of("id", String.valueOf(i), "channel_id", "1", "content", "m" + i,
						"guild_id", this.simulator.options().guilds().get(0).id()));
			}
			session.dispatch("BRAND_NEW_EVENT", Map.of("x", 1));
			RecordingListener listener = context.getBean(RecordingListener.class);
			await().atMost(TIMEOUT).until(() -> listener.sequences("BRAND_NEW_EVENT").size() == 1);
			List<Long> sequences = listener.events.stream().map((event) -> event.getSequence()).toList();
			assertThat(sequences).isSorted().doesNotHaveDuplicates();
			assertThat(listener.sequences("MESSAGE_CREATE")).hasSize(50);
			assertThat(listener.events.get(0).getName()).isEqualTo("READY");
			assertThat(listener.events.stream().filter((event) -> event.getName().equals("MESSAGE_CREATE")).findFirst()
				.get().getDataNode().get("content").asString()).isEqualTo("m0");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("discord.gateway.events").tag("shard", "0").tag("type", "MESSAGE_CREATE").counter()
				.count()).isEqualTo(50);
			assertThat(registry.get("discord.gateway.events").tag("type", "BRAND_NEW_EVENT").counter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void heartbeatLatencyIsRecordedPerShard() {
		BotRunner.against(this.simulator).run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().atMost(TIMEOUT).until(() -> registry.find("discord.gateway.heartbeat.latency").tag("shard", "0")
				.timer() != null && registry.get("discord.gateway.heartbeat.latency").timer().count() >= 2);
		});
	}

	@Test
	void healthIsUpOnceReadyWithDetailsPerShard() {
		BotRunner.against(this.simulator).run((context) -> {
			HealthIndicator indicator = context.getBean("discordGatewayHealthIndicator", HealthIndicator.class);
			this.simulator.awaitReady(TIMEOUT);
			await().atMost(TIMEOUT).until(() -> indicator.health(true).getStatus().equals(Status.UP));
			Health health = indicator.health(true);
			assertThat(health.getDetails()).containsKey("shards");
			assertThat(health.getDetails().get("shards").toString()).contains("READY");
		});
	}

	@Test
	void aRejectedTokenIsFatalWithoutRetrying() {
		// A backoff so short that a retry, were there one, would come many times within the time watched.
		BotRunner.against(this.simulator, "discord.token=wrong-token", "discord.gateway.reconnect.backoff-base=10ms",
				"discord.gateway.reconnect.backoff-max=20ms").run((context) -> {
			HealthIndicator indicator = context.getBean("discordGatewayHealthIndicator", HealthIndicator.class);
			await().atMost(TIMEOUT).until(() -> indicator.health(true).getDetails().toString().contains("rejected"));
			assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
				.until(() -> this.simulator.restCalls().size() == 1 && this.simulator.connections().isEmpty());
		});
	}

	@Test
	void aSlowListenerDelaysNeitherHeartbeatsNorAcks() {
		BotRunner.against(this.simulator).withBean(SlowListener.class).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			SlowListener slow = context.getBean(SlowListener.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			session.dispatch("TYPING_START", Map.of("channel_id", "1", "user_id", "2", "timestamp", 1));
			await().atMost(TIMEOUT).until(() -> slow.sleeping);
			long acksBefore = registry.get("discord.gateway.heartbeat.latency").timer().count();
			int beatsBefore = this.simulator.framesReceived(1).size();
			await().atMost(TIMEOUT).until(() -> this.simulator.framesReceived(1).size() >= beatsBefore + 4
					&& registry.get("discord.gateway.heartbeat.latency").timer().count() >= acksBefore + 3);
			assertThat(slow.sleeping).as("the listener is still busy").isTrue();
			assertThat(this.simulator.connections()).hasSize(1);
			slow.release();
		});
	}

	static class SlowListener {

		volatile boolean sleeping;

		private final java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);

		@org.springframework.context.event.EventListener(condition = "#event.name == 'TYPING_START'")
		void on(io.github.discordgateway.event.DispatchEvent event) throws InterruptedException {
			this.sleeping = true;
			this.latch.await(20, java.util.concurrent.TimeUnit.SECONDS);
			this.sleeping = false;
		}

		void release() {
			this.latch.countDown();
		}

	}

}
