package io.github.discordgateway.it;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.context.event.EventListener;

import io.github.discordgateway.command.DiscordGateway;
import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.model.BotPresence;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;

/**
 * Not a test: records what {@code docs/grafana/discord-gateway.json} shows for the README's picture. A bot runs
 * against the simulator through a scripted 90 s (steady traffic, a slow listener, a dropped connection and its
 * resume, a presence burst, failing listeners, unanswered heartbeats) while its Prometheus scrape is written once
 * a second. Run with {@code -Ddashboard.preview=<file>}; {@code docs/grafana/plot_preview.py <file>} draws it.
 */
@EnabledIfSystemProperty(named = "dashboard.preview", matches = ".+")
class DashboardPreviewRecorder {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final int SECONDS = 90;

	@Test
	void recordNinetySecondsOfScrapes() throws Exception {
		Path output = Path.of(System.getProperty("dashboard.preview"));
		try (GatewaySimulator simulator = GatewaySimulator
			.start(SimulatorOptions.builder().heartbeatInterval(Duration.ofSeconds(2)).build())) {
			BotRunner.against(simulator,
					"management.metrics.distribution.percentiles-histogram.discord.gateway.heartbeat.latency=true")
				.withConfiguration(AutoConfigurations.of(PrometheusMetricsExportAutoConfiguration.class))
				.withBean(ScriptedListener.class)
				.run((context) -> {
					simulator.awaitReady(TIMEOUT);
					PrometheusMeterRegistry registry = context.getBean(PrometheusMeterRegistry.class);
					ScriptedListener listener = context.getBean(ScriptedListener.class);
					DiscordGateway gateway = context.getBean(DiscordGateway.class);
					try (Writer out = Files.newBufferedWriter(output)) {
						for (int second = 0; second < SECONDS; second++) {
							long started = System.nanoTime();
							play(second, simulator, listener, gateway);
							out.write("# second " + second + "\n");
							out.write(registry.scrape());
							long left = 1_000_000_000L - (System.nanoTime() - started);
							if (left > 0) {
								Thread.sleep(left / 1_000_000);
							}
						}
					}
					catch (IOException | InterruptedException ex) {
						throw new IllegalStateException(ex);
					}
				});
		}
	}

	private static void play(int second, GatewaySimulator simulator, ScriptedListener listener,
			DiscordGateway gateway) {
		SimulatedSession session = simulator.sessions().get(0);
		int messages = 20 + (second % 10) * 4 + ((second >= 60 && second < 70) ? 150 : 0);
		for (int i = 0; i < messages; i++) {
			session.dispatch("MESSAGE_CREATE", Map.of("id", String.valueOf(second * 1000 + i), "channel_id", "1",
					"content", "message " + i + " of second " + second, "guild_id",
					simulator.options().guilds().get(0).id()));
		}
		if (second % 3 == 0) {
			session.dispatch("TYPING_START", Map.of("channel_id", "1", "user_id", "2", "timestamp", second));
		}
		listener.slow.set(second >= 20 && second < 30);
		if (second == 40) {
			session.dropConnection();
		}
		if (second == 50) {
			for (int i = 0; i < 8; i++) {
				gateway.updatePresence(BotPresence.of((i % 2 == 0) ? BotPresence.Status.IDLE : BotPresence.Status.ONLINE));
			}
		}
		if (second >= 55 && second < 58) {
			session.dispatch("BRAND_NEW_EVENT", Map.of("x", second));
		}
		simulator.pauseAcks(second >= 75 && second < 79);
	}

	/**
	 * Slow while told to be; fails on events it does not know.
	 */
	static class ScriptedListener {

		final AtomicBoolean slow = new AtomicBoolean();

		@EventListener
		void on(DispatchEvent event) throws InterruptedException {
			if (event.getName().equals("BRAND_NEW_EVENT")) {
				throw new IllegalStateException("no idea what to do with " + event.getName());
			}
			if (this.slow.get()) {
				Thread.sleep(30);
			}
		}

	}

}
