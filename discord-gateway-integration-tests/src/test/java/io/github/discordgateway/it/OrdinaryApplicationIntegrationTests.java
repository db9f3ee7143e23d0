package io.github.discordgateway.it;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.client.RestClient;

import io.github.discordgateway.simulator.GatewaySimulator;
import io.github.discordgateway.simulator.RestCall;
import io.github.discordgateway.test.kit.EnableGatewaySimulator;
import io.github.discordgateway.test.kit.SimulatedDiscord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter as a guest in an ordinary application that schedules jobs, runs {@code @Async} methods and has a
 * {@code RestClient} of its own: none of them may land on, or be blocked by, the gateway's threads.
 */
@SpringBootTest(classes = OrdinaryApplicationIntegrationTests.OrdinaryApplication.class,
		properties = "spring.main.web-application-type=none")
@EnableGatewaySimulator(heartbeatIntervalMillis = 1000)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdinaryApplicationIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	SimulatedDiscord discord;

	@Autowired
	GatewaySimulator simulator;

	@Autowired
	BlockingJob job;

	@Autowired
	AsyncWork asyncWork;

	@Autowired
	RestClientUser restClientUser;

	@Autowired
	@Qualifier("appRestClient")
	RestClient appRestClient;

	@AfterAll
	void releaseTheJob() {
		this.job.release.countDown();
	}

	@Test
	void aBlockingScheduledJobRunsOnBootsSchedulerWhileHeartbeatsGoOn() {
		this.discord.awaitReady();
		await().atMost(TIMEOUT).until(() -> this.job.thread != null);
		assertThat(this.job.thread).startsWith("scheduling-");
		int heartbeats = this.simulator.framesReceived(1).size();
		await().atMost(TIMEOUT).until(() -> this.simulator.framesReceived(1).size() >= heartbeats + 4);
		assertThat(this.job.finished).isFalse();
	}

	@Test
	void asyncMethodsRunOnBootsApplicationTaskExecutor() throws Exception {
		assertThat(this.asyncWork.threadName().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).startsWith("task-");
	}

	@Test
	void theApplicationsOwnRestClientInjectsByType() {
		assertThat(this.restClientUser.restClient).isSameAs(this.appRestClient);
	}

	@Test
	void restClientCustomizersApplyToTheDiscordRestClient() {
		this.discord.awaitReady();
		RestCall gatewayBot = this.simulator.restCalls()
			.stream()
			.filter((call) -> call.path().endsWith("/gateway/bot"))
			.findFirst()
			.orElseThrow();
		assertThat(gatewayBot.header("X-Ordinary-App")).hasValue("customized");
		assertThat(gatewayBot.header("Authorization")).hasValue("Bot " + this.simulator.options().token());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableScheduling
	@EnableAsync
	@Import({ BlockingJob.class, AsyncWork.class, RestClientUser.class })
	static class OrdinaryApplication {

		@Bean
		RestClient appRestClient(RestClient.Builder builder) {
			return builder.baseUrl("http://127.0.0.1:9").build();
		}

		@Bean
		RestClientCustomizer appRestClientCustomizer() {
			return (builder) -> builder.defaultHeader("X-Ordinary-App", "customized");
		}

	}

	/**
	 * A job that blocks until the test releases it (or a minute passes).
	 */
	static class BlockingJob {

		final CountDownLatch release = new CountDownLatch(1);

		volatile String thread;

		volatile boolean finished;

		@Scheduled(fixedDelay = 60_000)
		void run() throws InterruptedException {
			this.thread = Thread.currentThread().getName();
			this.release.await(1, TimeUnit.MINUTES);
			this.finished = true;
		}

	}

	static class AsyncWork {

		@Async
		public CompletableFuture<String> threadName() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

	static class RestClientUser {

		final RestClient restClient;

		RestClientUser(RestClient restClient) {
			this.restClient = restClient;
		}

	}

}
