package io.github.discordgateway.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.context.event.EventListener;

import io.github.discordgateway.command.DiscordGateway;
import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.model.BotPresence;
import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code docs/grafana/discord-gateway.json} reads only meters that exist: a bot whose every meter has had its
 * cause runs against the simulator, and every Prometheus metric named in the dashboard's queries is in its scrape.
 */
class GrafanaDashboardIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Path DASHBOARD = Path.of("../docs/grafana/discord-gateway.json");

	private static final Pattern METRIC = Pattern.compile("\\bdiscord_[a-z0-9_]+");

	private final GatewaySimulator simulator = GatewaySimulator
		.start(SimulatorOptions.builder().heartbeatInterval(Duration.ofSeconds(1)).build());

	@AfterEach
	void stopSimulator() {
		this.simulator.close();
	}

	@Test
	void everyMetricTheDashboardQueriesExists() throws IOException {
		Set<String> queried = metricsQueriedBy(JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)));
		assertThat(queried).as("metrics the dashboard queries").hasSizeGreaterThan(15);
		BotRunner.against(this.simulator,
				"management.metrics.distribution.percentiles-histogram.discord.gateway.heartbeat.latency=true")
			.withConfiguration(AutoConfigurations.of(PrometheusMetricsExportAutoConfiguration.class))
			.withBean(FailingListener.class)
			.run((context) -> {
				SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
				session.dispatch("BRAND_NEW_EVENT", Map.of("x", 1));
				DiscordGateway gateway = context.getBean(DiscordGateway.class);
				IntStream.range(0, 6).forEach((i) -> gateway.updatePresence(BotPresence.of(BotPresence.Status.ONLINE)));
				session.dropConnection();
				PrometheusMeterRegistry registry = context.getBean(PrometheusMeterRegistry.class);
				await().atMost(TIMEOUT)
					.untilAsserted(() -> assertThat(scrapedNames(registry.scrape())).containsAll(queried));
			});
	}

	private static Set<String> metricsQueriedBy(JsonNode dashboard) {
		Set<String> names = new TreeSet<>();
		for (JsonNode panel : dashboard.get("panels")) {
			JsonNode targets = panel.get("targets");
			if (targets != null) {
				targets.forEach((target) -> {
					Matcher matcher = METRIC.matcher(target.get("expr").asString());
					while (matcher.find()) {
						names.add(matcher.group());
					}
				});
			}
		}
		return names;
	}

	private static Set<String> scrapedNames(String scrape) {
		Set<String> names = new TreeSet<>();
		scrape.lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).forEach((line) -> {
			Matcher matcher = Pattern.compile("^[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(line);
			if (matcher.find()) {
				names.add(matcher.group());
			}
		});
		return names;
	}

	/**
	 * A listener that fails on events it does not know, for the listener errors.
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
