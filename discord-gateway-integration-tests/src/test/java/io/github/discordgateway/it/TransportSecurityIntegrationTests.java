package io.github.discordgateway.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.RestCall;
import io.github.discordgateway.simulator.SimulatorOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * TLS against the simulator serving https and wss with a self-signed certificate made for the test.
 */
class TransportSecurityIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	static Path directory;

	private static TestCertificate forLoopback;

	private static TestCertificate forAnotherHost;

	private GatewaySimulator simulator;

	@BeforeAll
	static void generateCertificates() throws Exception {
		forLoopback = TestCertificate.generate(Files.createDirectory(directory.resolve("loopback")), "ip:127.0.0.1");
		forAnotherHost = TestCertificate.generate(Files.createDirectory(directory.resolve("other")),
				"dns:gateway.example");
	}

	@AfterEach
	void stopSimulator() {
		if (this.simulator != null) {
			this.simulator.close();
		}
	}

	@Test
	void theBotConnectsOverHttpsAndWssTrustingTheCertificateThroughAnSslBundle() throws Exception {
		bot(startTlsSimulator(forLoopback)).run((context) -> {
			assertThat(context).hasNotFailed();
			this.simulator.awaitReady(TIMEOUT);
			RestCall bootstrap = this.simulator.restCalls().get(0);
			assertThat(bootstrap.path()).isEqualTo("/api/v10/gateway/bot");
			assertThat(this.simulator.gatewayUrl().getScheme()).isEqualTo("wss");
		});
	}

	@Test
	void withoutTheBundleTheSelfSignedCertificateIsRefused() throws Exception {
		startTlsSimulator(forLoopback);
		BotRunner.against(this.simulator, "discord.gateway.auto-startup=false").run((context) -> {
			RestClient rest = context.getBean("discordRestClient", RestClient.class);
			assertThatExceptionOfType(ResourceAccessException.class)
				.isThrownBy(() -> rest.get().uri("/gateway").retrieve().toBodilessEntity())
				.satisfies((ex) -> assertThat(ex).hasCauseInstanceOf(SSLHandshakeException.class));
			assertThat(this.simulator.restCalls()).isEmpty();
		});
	}

	@Test
	void aTrustedCertificateForAnotherHostIsRefusedByRestAndWebSocket() throws Exception {
		bot(startTlsSimulator(forAnotherHost)).withPropertyValues("discord.gateway.auto-startup=false").run((context) -> {
			RestClient rest = context.getBean("discordRestClient", RestClient.class);
			assertThatExceptionOfType(ResourceAccessException.class)
				.isThrownBy(() -> rest.get().uri("/gateway").retrieve().toBodilessEntity())
				.satisfies((ex) -> assertThat(ex).hasCauseInstanceOf(SSLHandshakeException.class));
			WebSocketClient webSocket = context.getBean("discordGatewayWebSocketClient", WebSocketClient.class);
			CompletableFuture<WebSocketSession> session = webSocket.execute(new TextWebSocketHandler(),
					this.simulator.gatewayUrl() + "/?v=10&encoding=json");
			await().atMost(TIMEOUT).until(session::isDone);
			assertThat(session).isCompletedExceptionally();
			assertThat(this.simulator.connections()).isEmpty();
		});
	}

	private TestCertificate startTlsSimulator(TestCertificate certificate) throws Exception {
		this.simulator = GatewaySimulator.start(SimulatorOptions.builder()
			.heartbeatInterval(Duration.ofSeconds(1))
			.sslContext(certificate.serverContext())
			.build());
		assertThat(this.simulator.restBaseUrl().getScheme()).isEqualTo("https");
		return certificate;
	}

	private ApplicationContextRunner bot(TestCertificate certificate) {
		return BotRunner.against(this.simulator, "discord.ssl.bundle=simulator",
				"spring.ssl.bundle.pem.simulator.truststore.certificate=file:" + certificate.certificatePem())
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class));
	}

}
