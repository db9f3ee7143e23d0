package io.github.discordgateway.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.discordgateway.DiscordGatewayClient;
import io.github.discordgateway.model.Snowflake;
import io.github.discordgateway.protocol.Opcode;
import io.github.discordgateway.protocol.UpdatePresence;
import io.github.discordgateway.session.ManualExecutor;
import io.github.discordgateway.session.ManualScheduler;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.transport.PayloadTooLargeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Commands that are refused, stopped or closed over: never half queued, never left waiting forever. A client
 * with two shards against the simulator.
 */
class DiscordGatewayCommandsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final GatewaySimulator simulator = GatewaySimulator.start();

	private final DiscordGatewayClient client = DiscordGatewayClient.builder()
		.token(this.simulator.options().token())
		.restBaseUrl(this.simulator.restBaseUrl().toString())
		.shards(2)
		.eventSink((event) -> {
		})
		.build();

	@AfterEach
	void close() {
		this.client.close();
		this.simulator.close();
	}

	private void startAndAwaitReady() {
		this.client.start();
		await().atMost(TIMEOUT).until(this.client::isReady);
	}

	/** A guild id that shard {@code shardId} of two carries. */
	private static String guildOnShard(int shardId, int n) {
		return Long.toString(((1000L + 2 * n + shardId) << 22));
	}

	@Test
	void soundboardRequestsQueueNothingWhenOneShardsCommandIsRefused() {
		startAndAwaitReady();
		List<String> guildIds = new ArrayList<>();
		guildIds.add(guildOnShard(0, 0));
		for (int n = 0; n < 400; n++) {
			guildIds.add(guildOnShard(1, n));
		}
		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> this.client.gateway().requestSoundboardSounds(guildIds));
		this.client.gateway().requestSoundboardSounds(List.of(guildOnShard(0, 1)));
		// Commands go out in order per shard: a request queued before this one would be recorded before it.
		await().atMost(TIMEOUT)
			.until(() -> this.simulator.framesReceived(31)
				.stream()
				.anyMatch((frame) -> frame.d().get("guild_ids").toString().contains(guildOnShard(0, 1))));
		assertThat(this.simulator.framesReceived(31)).as("only the request that was not refused went out").hasSize(1);
	}

	@Test
	void aMemberRequestTooLargeToSendRegistersNoNonceNorTimer() {
		startAndAwaitReady();
		ManualScheduler scheduler = new ManualScheduler();
		GuildMemberRequests requests = new GuildMemberRequests(scheduler, Duration.ofSeconds(30),
				new ManualExecutor());
		DiscordGateway gateway = new DiscordGateway(this.client.shardManager(), requests);
		assertThatExceptionOfType(PayloadTooLargeException.class).isThrownBy(
				() -> gateway.requestMembersByPrefix(Snowflake.of(guildOnShard(0, 0)), "x".repeat(5000), 1));
		assertThat(scheduler.pendingTasks()).as("no timeout was started").isZero();
	}

	@Test
	void commandsQueuedDuringAResumableStopGoOutAfterTheRestart() {
		startAndAwaitReady();
		this.client.stop();
		CompletableFuture<Void> presence = this.client.gateway()
			.updatePresence(new UpdatePresence(null, List.of(), "idle", false));
		this.client.start();
		assertThat(presence).succeedsWithin(TIMEOUT);
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.simulator.framesReceived(Opcode.PRESENCE_UPDATE.code()))
				.as("one per shard").hasSize(2));
	}

	@Test
	void closingTheClientFailsTheCommandsStillQueuedSoNoJoinHangs() {
		startAndAwaitReady();
		this.client.stop();
		CompletableFuture<Void> presence = this.client.gateway()
			.updatePresence(new UpdatePresence(null, List.of(), "idle", false));
		this.client.close();
		assertThat(presence).failsWithin(TIMEOUT)
			.withThrowableOfType(ExecutionException.class)
			.withMessageContaining("The gateway client is closed");
	}

}
