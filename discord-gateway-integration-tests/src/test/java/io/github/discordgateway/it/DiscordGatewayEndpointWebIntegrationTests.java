package io.github.discordgateway.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.SimulatedSession;
import io.github.discordgateway.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/discordgateway} over HTTP, in a web application on a random port connected to the simulator.
 */
class DiscordGatewayEndpointWebIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final GatewaySimulator simulator = GatewaySimulator
		.start(SimulatorOptions.builder().heartbeatInterval(Duration.ofSeconds(1)).build());

	private final HttpClient http = HttpClient.newHttpClient();

	private ConfigurableApplicationContext context;

	@BeforeEach
	void startApplication() {
		this.context = new SpringApplicationBuilder(WebApplication.class).run(
				"--discord.token=" + this.simulator.options().token(),
				"--discord.rest.base-url=" + this.simulator.restBaseUrl(), "--server.port=0",
				"--server.address=127.0.0.1", "--management.endpoints.web.exposure.include=discordgateway");
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.simulator.close();
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void readsEveryShardAndReconnectsOneOnRequest() throws Exception {
		SimulatedSession session = this.simulator.awaitReady(TIMEOUT);
		await().atMost(TIMEOUT)
			.until(() -> send("GET", "/actuator/discordgateway").body().contains("\"lastAckAt\":\""));
		HttpResponse<String> read = send("GET", "/actuator/discordgateway");
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("\"state\":\"READY\"")
			.contains("\"healthy\":true")
			.contains("\"shardCount\":1")
			.contains("\"lastAckAt\":\"")
			.doesNotContain(this.simulator.options().token())
			.doesNotContain(session.sessionId());
		assertThat(send("GET", "/actuator/discordgateway/0").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/discordgateway/5").statusCode()).isEqualTo(404);
		HttpResponse<String> resume = send("POST", "/actuator/discordgateway/0/resume");
		assertThat(resume.statusCode()).isEqualTo(200);
		assertThat(resume.body()).contains("\"reconnecting\":true");
		await().atMost(TIMEOUT).until(() -> session.resumes() == 1);
		assertThat(send("POST", "/actuator/discordgateway/0/restart").statusCode()).isEqualTo(400);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class WebApplication {

	}

}
