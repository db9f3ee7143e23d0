package io.github.discordgateway.simulator;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class GatewayHandshakeTests {

	private static final long GUILDS_AND_MESSAGES = 1 | 1 << 9;

	private final GatewaySimulator simulator = GatewaySimulator
		.start(SimulatorOptions.builder().heartbeatInterval(Duration.ofMillis(250)).build());

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void helloOnConnectCarriesTheInterval() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			JsonNode hello = client.next(10);
			assertThat(hello.path("d").path("heartbeat_interval").asLong()).isEqualTo(250);
			assertThat(hello.get("s").isNull()).isTrue();
			GatewayConnection connection = this.simulator.connections().get(0);
			assertThat(connection.port()).isEqualTo(GatewayPort.GATEWAY);
			assertThat(connection.query()).containsEntry("v", "10").containsEntry("encoding", "json");
		}
	}

	@Test
	void heartbeatIsAckedAndRecordedEvenBeforeIdentify() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.next(10);
			client.send("{\"op\":1,\"d\":null}");
			assertThat(client.next(11).toString()).isEqualTo("{\"op\":11}");
			ClientFrame beat = this.simulator.awaitFrame(1, JdkGatewayClient.TIMEOUT);
			assertThat(beat.d().isNull()).isTrue();
			assertThat(beat.connectionId()).isEqualTo(1);
		}
	}

	@Test
	void pausedAcksAreNotSent() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.next(10);
			this.simulator.pauseAcks(true);
			client.send("{\"op\":1,\"d\":null}");
			sendMarkerAfterTheBeatWasHandled(client);
			this.simulator.pauseAcks(false);
			client.send("{\"op\":1,\"d\":null}");
			client.next(11);
		}
	}

	@Test
	void delayedAckComesLater() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.next(10);
			this.simulator.ackDelay(Duration.ofHours(1));
			client.send("{\"op\":1,\"d\":null}");
			sendMarkerAfterTheBeatWasHandled(client);
			this.simulator.ackDelay(Duration.ofMillis(50));
			client.send("{\"op\":1,\"d\":null}");
			client.next(11);
		}
	}

	/**
	 * A frame is recorded before it is handled, but scripted sends queue behind the handling on the same
	 * event loop: so the marker arrives after the beat was handled, and before any immediate ACK of it.
	 */
	private void sendMarkerAfterTheBeatWasHandled(JdkGatewayClient client) {
		this.simulator.awaitFrame(1, JdkGatewayClient.TIMEOUT);
		this.simulator.sendRaw("{\"op\":99}");
		assertThat(client.next().path("op").asInt()).as("no ACK before the marker").isEqualTo(99);
	}

	@Test
	void identifyGetsReadyThenGuildCreate() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			JsonNode ready = client.identify(GUILDS_AND_MESSAGES);
			assertThat(ready.path("s").asLong()).isEqualTo(1);
			JsonNode d = ready.path("d");
			assertThat(d.path("v").asInt()).isEqualTo(10);
			assertThat(d.path("user").path("bot").asBoolean()).isTrue();
			assertThat(d.path("resume_gateway_url").asString())
				.isEqualTo(this.simulator.resumeGatewayUrl().toString());
			assertThat(d.path("guilds").get(0).path("unavailable").asBoolean()).isTrue();
			assertThat(d.has("shard")).isFalse();
			JsonNode guildCreate = client.next(0);
			assertThat(guildCreate.path("t").asString()).isEqualTo("GUILD_CREATE");
			assertThat(guildCreate.path("s").asLong()).isEqualTo(2);
			assertThat(guildCreate.path("d").path("id").asString()).isEqualTo(d.path("guilds").get(0).path("id").asString());
			SimulatedSession session = this.simulator.awaitReady(JdkGatewayClient.TIMEOUT);
			assertThat(session.sessionId()).isEqualTo(d.path("session_id").asString());
			assertThat(session.intents()).isEqualTo(GUILDS_AND_MESSAGES);
			assertThat(session.lastSequence()).isEqualTo(2);
		}
	}

	@Test
	void shardedIdentifyGetsOnlyItsGuildsAndTheShardEchoed() {
		SimulatedGuild even = new SimulatedGuild(Long.toString(2L << 22), "even", "11", "general");
		SimulatedGuild odd = new SimulatedGuild(Long.toString(3L << 22), "odd", "12", "general");
		try (GatewaySimulator sharded = GatewaySimulator.start(SimulatorOptions.builder().guilds(List.of(even, odd)).build());
				JdkGatewayClient client = JdkGatewayClient.connect(sharded.gatewayUrl())) {
			client.next(10);
			client.send("{\"op\":2,\"d\":{\"token\":\"Bot simulated-token\",\"intents\":1,\"shard\":[1,2],"
					+ "\"properties\":{\"os\":\"linux\",\"browser\":\"t\",\"device\":\"t\"}}}");
			JsonNode ready = client.next(0).path("d");
			assertThat(ready.path("shard").toString()).isEqualTo("[1,2]");
			assertThat(ready.path("guilds")).hasSize(1);
			assertThat(ready.path("guilds").get(0).path("id").asString()).isEqualTo(odd.id());
			assertThat(sharded.awaitReady(JdkGatewayClient.TIMEOUT).shard()).contains(new SimulatedSession.Shard(1, 2));
		}
	}

	@Test
	void guildCreateNeedsTheGuildsIntent() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.identify(1 << 9);
			SimulatedSession session = this.simulator.awaitReady(JdkGatewayClient.TIMEOUT);
			assertThat(session.lastSequence()).isEqualTo(1);
			assertThat(session.dispatch("CHANNEL_CREATE", "{\"id\":\"1\"}")).isEqualTo(SimulatedSession.NOT_DELIVERED);
			assertThat(session.dispatch("MESSAGE_CREATE", "{\"id\":\"1\",\"guild_id\":\"5\"}")).isEqualTo(2);
			assertThat(client.next(0).path("s").asLong()).isEqualTo(2);
		}
	}

	@Test
	void reconnectCanReplaceHello() {
		this.simulator.sendReconnectInsteadOfNextHello();
		try (JdkGatewayClient first = JdkGatewayClient.connect(this.simulator.gatewayUrl());
				JdkGatewayClient second = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			first.next(7);
			second.next(10);
		}
	}

	@Test
	void helloCanBeWithheldFromTheNextConnections() {
		this.simulator.withholdNextHellos(1);
		try (JdkGatewayClient silent = JdkGatewayClient.connect(this.simulator.gatewayUrl());
				JdkGatewayClient next = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			next.next(10);
			silent.send("{\"op\":1,\"d\":null}");
			assertThat(silent.next().get("op").asInt()).as("the first message after no Hello: the ACK").isEqualTo(11);
		}
	}

	@Test
	void serverRequestedHeartbeatIsOpOne() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.next(10);
			this.simulator.requestHeartbeat();
			assertThat(client.next(1).get("d").isNull()).isTrue();
		}
	}

	@Test
	void secondIdentifyWithinTheConcurrencyWindowGetsInvalidSession() {
		try (GatewaySimulator strict = GatewaySimulator.start();
				JdkGatewayClient first = JdkGatewayClient.connect(strict.gatewayUrl());
				JdkGatewayClient second = JdkGatewayClient.connect(strict.gatewayUrl())) {
			first.identify(1);
			second.next(10);
			second.send(JdkGatewayClient.identifyPayload("simulated-token", 1));
			assertThat(second.next(9).path("d").asBoolean(true)).isFalse();
		}
	}

	@Test
	void saysWhenAnIdentifyWouldBeAcceptedAgain() {
		Duration window = Duration.ofSeconds(2);
		try (GatewaySimulator strict = GatewaySimulator.start(SimulatorOptions.builder().identifyWindow(window).build());
				JdkGatewayClient first = JdkGatewayClient.connect(strict.gatewayUrl());
				JdkGatewayClient second = JdkGatewayClient.connect(strict.gatewayUrl())) {
			assertThat(strict.acceptsIdentify(0)).isTrue();
			first.identify(1);
			assertThat(strict.acceptsIdentify(0)).isFalse();
			await().atMost(JdkGatewayClient.TIMEOUT).until(() -> strict.acceptsIdentify(0));
			second.next(10);
			second.send(JdkGatewayClient.identifyPayload("simulated-token", 1));
			assertThat(second.next(0).path("t").asString()).isEqualTo("READY");
		}
	}

	@Test
	void awaitFrameTimeoutListsWhatArrived() {
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.next(10);
			client.send("{\"op\":1,\"d\":null}");
			client.next(11);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> this.simulator.awaitFrame(2, Duration.ofMillis(50)))
				.withMessageContaining("op 1: {\"op\":1,\"d\":null}");
		}
	}

	@Test
	void closeIsIdempotentAndStopsListening() {
		this.simulator.close();
		this.simulator.close();
		await().atMost(JdkGatewayClient.TIMEOUT)
			.untilAsserted(() -> assertThatExceptionOfType(Exception.class)
				.isThrownBy(() -> JdkGatewayClient.connect(this.simulator.gatewayUrl())));
	}

}
