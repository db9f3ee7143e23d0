package io.github.discordgateway.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;

import io.github.discordgateway.command.DiscordGateway;
import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.event.DispatchObservationContext;
import io.github.discordgateway.model.BotPresence;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each gateway meter moves when its cause happens, against the simulator over real WebSockets.
 */
class ObservabilityMetricsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final GatewaySimulator simulator = GatewaySimulator
		.start(SimulatorOptions.builder().heartbeatInterval(Duration.ofSeconds(1)).build());

	@AfterEach
	void stopSimulator() {
		this.simulator.close();
	}

	private static MeterRegistry registry(ApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

	private static double count(ApplicationContext context, String meter, String... tags) {
		Counter counter = registry(context).find(meter).tag("shard", "0").tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static long timerCount(ApplicationContext context, String meter, String... tags) {
		Timer timer = registry(context).find(meter).tag("shard", "0").tags(tags).timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static double gauge(ApplicationContext context, String meter, String... tags) {
		return registry(context).get(meter).tags(tags).gauge().value();
	}

	@Test
	void identifiesAndResumesAreCountedByOutcome() {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			await().atMost(TIMEOUT).until(() -> count(context, "discord.gateway.identifies", "outcome", "success") == 1);
			session.dropConnection();
			await().atMost(TIMEOUT).until(() -> count(context, "discord.gateway.resumes", "outcome", "success") == 1);
			session.expireOnNextResume(4009);
			session.dropConnection();
			await().atMost(TIMEOUT).until(() -> count(context, "discord.gateway.resumes", "outcome", "failure") == 1);
			await().atMost(TIMEOUT).until(() -> count(context, "discord.gateway.identifies", "outcome", "success") == 2);
			assertThat(count(context, "discord.gateway.identifies", "outcome", "failure")).isZero();
		});
	}

	@Test
	void theSessionStartLimitAndTheShardStateAreGauged() {
		BotRunner.against(this.simulator).run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			await().atMost(TIMEOUT).until(() -> gauge(context, "discord.gateway.shard.state", "shard", "0", "state",
					"ready") == 1);
			assertThat(gauge(context, "discord.gateway.shard.state", "shard", "0", "state", "connecting")).isZero();
			assertThat(gauge(context, "discord.gateway.session.start.limit.remaining"))
				.isEqualTo(this.simulator.options().sessionStartLimit().remaining());
		});
	}

	@Test
	void bytesAreCountedOnTheWireAndDecompressed() {
		BotRunner.against(this.simulator).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			double wireBefore = count(context, "discord.gateway.received", "stage", "wire");
			double jsonBefore = count(context, "discord.gateway.received", "stage", "decompressed");
			String repetitive = "x".repeat(20_000);
			session.dispatch("TYPING_START", Map.of("channel_id", "1", "user_id", "2", "timestamp", 1, "pad", repetitive));
			await().atMost(TIMEOUT).until(() -> count(context, "discord.gateway.received", "stage", "decompressed")
					- jsonBefore > 20_000);
			double wire = count(context, "discord.gateway.received", "stage", "wire") - wireBefore;
			assertThat(wire).as("zlib-stream shrinks a repetitive message").isPositive().isLessThan(5_000);
		});
	}

	@Test
	void commandsAreCountedAndRateLimiterWaitsTimed() {
		BotRunner.against(this.simulator).run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			DiscordGateway gateway = context.getBean(DiscordGateway.class);
			// Discord allows 5 presence updates per 20 s: the sixth waits for the rate limiter.
			List<CompletableFuture<Void>> sends = IntStream.range(0, 6)
				.mapToObj((i) -> gateway.updatePresence(BotPresence.of((i % 2 == 0) ? BotPresence.Status.IDLE : BotPresence.Status.ONLINE)))
				.toList();
			await().atMost(TIMEOUT).until(() -> count(context, "discord.gateway.commands.sent", "op",
					"presence_update") >= 5);
			await().atMost(TIMEOUT).until(() -> timerCount(context, "discord.gateway.commands.throttled", "op",
					"presence_update") >= 1);
			assertThat(sends.stream().filter(CompletableFuture::isDone)).hasSizeLessThanOrEqualTo(5);
		});
	}

	@Test
	void theLagToTheEndOfListenerWorkIsTimedAndListenerErrorsCountedByType() {
		BotRunner.against(this.simulator).withBean(FailingListener.class).run((context) -> {
			SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
			long lagsBefore = timerCount(context, "discord.gateway.events.lag");
			session.dispatch("TYPING_START", Map.of("channel_id", "1", "user_id", "2", "timestamp", 1));
			session.dispatch("BRAND_NEW_EVENT", Map.of("x", 1));
			await().atMost(TIMEOUT).until(() -> timerCount(context, "discord.gateway.events.lag") >= lagsBefore + 2);
			await().atMost(TIMEOUT).until(() -> count(context, "discord.gateway.listener.errors", "type",
					"BRAND_NEW_EVENT") == 1);
			assertThat(count(context, "discord.gateway.listener.errors", "type", "TYPING_START")).isZero();
		});
	}

	@Test
	void theTimesSinceTheLastDispatchAndTheLastAckAreGauged() {
		BotRunner.against(this.simulator).run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			await().atMost(TIMEOUT).until(() -> !Double.isNaN(gauge(context, "discord.gateway.last.ack.age", "shard",
					"0")));
			assertThat(gauge(context, "discord.gateway.last.ack.age", "shard", "0")).isLessThan(TIMEOUT.toSeconds());
			// No dispatch follows the guilds of READY: the age grows...
			await().atMost(TIMEOUT).until(() -> gauge(context, "discord.gateway.last.dispatch.age", "shard",
					"0") > 1.5);
			this.simulator.sessions().get(0).dispatch("TYPING_START",
					Map.of("channel_id", "1", "user_id", "2", "timestamp", 1));
			// ...until the next one.
			await().atMost(TIMEOUT).until(() -> gauge(context, "discord.gateway.last.dispatch.age", "shard",
					"0") < 1.5);
		});
	}

	@Test
	void theHeartbeatLatencyPublishesPercentilesAndBucketsWhenTheUserTurnsThemOn() {
		// The Prometheus histogram (percentiles-histogram) is proved in GrafanaDashboardIntegrationTests: the
		// simple registry has no aggregable buckets, so SLO boundaries stand for them here.
		BotRunner.against(this.simulator,
				"management.metrics.distribution.slo.discord.gateway.heartbeat.latency=50ms,1s",
				"management.metrics.distribution.percentiles.discord.gateway.heartbeat.latency=0.5,0.99")
			.run((context) -> {
				this.simulator.awaitReady(TIMEOUT);
				Timer latency = registry(context).get("discord.gateway.heartbeat.latency").timer();
				await().atMost(TIMEOUT).until(() -> latency.count() >= 1);
				assertThat(latency.takeSnapshot().histogramCounts()).hasSize(2);
				assertThat(latency.takeSnapshot().percentileValues()).hasSize(2);
			});
		BotRunner.against(this.simulator).run((context) -> {
			this.simulator.awaitReady(TIMEOUT);
			Timer latency = registry(context).get("discord.gateway.heartbeat.latency").timer();
			assertThat(latency.takeSnapshot().histogramCounts()).isEmpty();
			assertThat(latency.takeSnapshot().percentileValues()).isEmpty();
		});
	}

	@Test
	void whenEnabledEachListenerDispatchIsObservedWithItsEventShardAndSequence() {
		List<DispatchObservationContext> observed = new CopyOnWriteArrayList<>();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new ObservationHandler<DispatchObservationContext>() {

			@Override
			public void onStop(DispatchObservationContext context) {
				observed.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof DispatchObservationContext;
			}

		});
		BotRunner.against(this.simulator, "discord.gateway.delivery.observation-enabled=true")
			.withBean(ObservationRegistry.class, () -> observations)
			.run((context) -> {
				SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
				long sequence = session.dispatch("TYPING_START", Map.of("channel_id", "1", "user_id", "2", "timestamp", 1));
				await().atMost(TIMEOUT).until(() -> observed.stream()
					.anyMatch((candidate) -> candidate.getEvent().getSequence() == sequence));
				DispatchObservationContext typing = observed.stream()
					.filter((candidate) -> candidate.getEvent().getSequence() == sequence)
					.findFirst()
					.orElseThrow();
				assertThat(typing.getName()).isEqualTo("discord.gateway.dispatch");
				assertThat(typing.getContextualName()).isEqualTo("discord TYPING_START");
				assertThat(typing.getLowCardinalityKeyValue("discord.event").getValue()).isEqualTo("TYPING_START");
				assertThat(typing.getLowCardinalityKeyValue("discord.shard").getValue()).isEqualTo("0");
				assertThat(typing.getLowCardinalityKeyValue("discord.sequence")).isNull();
				assertThat(typing.getHighCardinalityKeyValue("discord.sequence").getValue())
					.isEqualTo(String.valueOf(sequence));
			});
	}

	/**
	 * A listener that fails on events it does not know.
	 */
	static class FailingListener {

		@EventListener
		void on(DispatchEvent event) {
			if (event.getName().equals("BRAND_NEW_EVENT")) {
				throw new IllegalStateException("no idea what to do with " + event.getName());
			}
		}

	}

}
