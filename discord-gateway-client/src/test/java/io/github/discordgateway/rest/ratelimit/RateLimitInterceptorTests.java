package io.github.discordgateway.rest.ratelimit;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

import io.github.discordgateway.rest.DiscordApiBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RateLimitInterceptorTests {

	private static final long MILLI = 1_000_000L;

	private final ManualClock clock = new ManualClock();

	private final RecordingObserver observer = new RecordingObserver();

	private final ScriptedServer server = new ScriptedServer();

	private final RateLimitInterceptor interceptor = new RateLimitInterceptor(
			DiscordApiBase.of("https://discord.com/api/v10"), new RateLimitSettings(1, 50), this.observer, this.clock);

	@Test
	void aRequestToAnEmptyBucketWaitsUntilTheBucketResetsBeforeItIsSent() throws IOException {
		this.server.respond(ok(0, "0.500"));
		this.server.respond(ok(4, "5.000"));
		send("/channels/1/messages");
		this.clock.advance(100 * MILLI);
		send("/channels/1/messages");
		assertThat(this.server.sentAt).containsExactly(0L, 500 * MILLI);
		assertThat(this.observer.waits).containsExactly("POST /channels/{channel_id}/messages PT0.4S");
		assertThat(this.observer.responses).containsExactly("POST /channels/{channel_id}/messages 200",
				"POST /channels/{channel_id}/messages 200");
	}

	@Test
	void anotherChannelHasItsOwnBucket() throws IOException {
		this.server.respond(ok(0, "5.000"));
		this.server.respond(ok(4, "5.000"));
		send("/channels/1/messages");
		send("/channels/2/messages");
		assertThat(this.server.sentAt).containsExactly(0L, 0L);
	}

	@Test
	void aBucketSharedByTwoRoutesIsLearnedFromItsHash() throws IOException {
		this.server.respond(ok(0, "1.000"));
		this.server.respond(ok(4, "5.000"));
		this.server.respond(ok(4, "5.000"));
		send("/channels/1/messages");
		// The second route of the bucket is unknown yet: it goes, and learns the hash.
		sendRequest(HttpMethod.GET, "/channels/1/messages");
		assertThat(this.server.sentAt).containsExactly(0L, 0L);
	}

	@Test
	void a429IsWaitedOutAndRetried() throws IOException {
		this.server.respond(tooManyRequests("{\"message\":\"You are being rate limited.\",\"retry_after\":0.75,"
				+ "\"global\":false}", Map.of("X-RateLimit-Scope", "user")));
		this.server.respond(ok(4, "5.000"));
		try (ClientHttpResponse response = send("/channels/1/messages")) {
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		}
		assertThat(this.server.sentAt).containsExactly(0L, 750 * MILLI);
		assertThat(this.observer.rateLimits).containsExactly("POST /channels/{channel_id}/messages user");
	}

	@Test
	void a429ThatPersistsFailsWithAClearExceptionAfterTheRetries() {
		for (int i = 0; i < 2; i++) {
			this.server.respond(tooManyRequests("{\"retry_after\":1.0,\"global\":false}", Map.of()));
		}
		assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> send("/webhooks/1/hook-token"))
			.withMessageContaining("POST /webhooks/{webhook_id}/{webhook_token}")
			.withMessageNotContaining("hook-token")
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(1)));
		assertThat(this.server.sentAt).hasSize(2);
	}

	@Test
	void aGlobal429StopsOtherRoutesToo() throws IOException {
		this.server.respond(tooManyRequests("{\"retry_after\":2.0,\"global\":true}",
				Map.of("X-RateLimit-Global", "true", "X-RateLimit-Scope", "global")));
		this.server.respond(ok(4, "5.000"));
		this.server.respond(ok(4, "5.000"));
		send("/channels/1/messages");
		assertThat(this.observer.rateLimits).containsExactly("POST /channels/{channel_id}/messages global");
		send("/guilds/9/members");
		assertThat(this.server.sentAt).containsExactly(0L, 2000 * MILLI, 2000 * MILLI);
	}

	@Test
	void theGlobalLimitSpreadsRequestsOverSeconds() throws IOException {
		RateLimitInterceptor tight = new RateLimitInterceptor(DiscordApiBase.of("https://discord.com/api/v10"),
				new RateLimitSettings(0, 2), this.observer, this.clock);
		for (int i = 0; i < 3; i++) {
			this.server.respond(ok(4, "5.000"));
			tight.intercept(request(HttpMethod.POST, "https://discord.com/api/v10/channels/" + i + "/messages"),
					new byte[0], this.server);
		}
		assertThat(this.server.sentAt).containsExactly(0L, 0L, 1000 * MILLI);
	}

	@Test
	void requestsToOtherHostsAreNotLimited() throws IOException {
		this.server.respond(ok(0, "60.000"));
		this.server.respond(ok(0, "60.000"));
		this.interceptor.intercept(request(HttpMethod.GET, "https://cdn.example.com/x"), new byte[0], this.server);
		this.interceptor.intercept(request(HttpMethod.GET, "https://cdn.example.com/x"), new byte[0], this.server);
		assertThat(this.server.sentAt).containsExactly(0L, 0L);
		assertThat(this.observer.responses).isEmpty();
	}

	private ClientHttpResponse send(String path) throws IOException {
		return sendRequest(HttpMethod.POST, path);
	}

	private ClientHttpResponse sendRequest(HttpMethod method, String path) throws IOException {
		return this.interceptor.intercept(request(method, "https://discord.com/api/v10" + path), new byte[0],
				this.server);
	}

	private static HttpRequest request(HttpMethod method, String uri) {
		return new MockClientHttpRequest(method, URI.create(uri));
	}

	private static MockClientHttpResponse ok(int remaining, String resetAfter) {
		MockClientHttpResponse response = new MockClientHttpResponse(new byte[0], HttpStatus.OK);
		response.getHeaders().set("X-RateLimit-Bucket", "messages");
		response.getHeaders().set("X-RateLimit-Limit", "5");
		response.getHeaders().set("X-RateLimit-Remaining", Integer.toString(remaining));
		response.getHeaders().set("X-RateLimit-Reset-After", resetAfter);
		return response;
	}

	private static MockClientHttpResponse tooManyRequests(String body, Map<String, String> headers) {
		MockClientHttpResponse response = new MockClientHttpResponse(body.getBytes(StandardCharsets.UTF_8),
				HttpStatus.TOO_MANY_REQUESTS);
		headers.forEach(response.getHeaders()::set);
		return response;
	}

	/**
	 * Time that moves only when the rate limiter sleeps or the test advances it.
	 */
	static final class ManualClock implements RateLimitClock {

		private long now;

		@Override
		public long nanoTime() {
			return this.now;
		}

		@Override
		public void sleep(long nanos) {
			this.now += nanos;
		}

		void advance(long nanos) {
			this.now += nanos;
		}

	}

	/**
	 * Answers each request with the next scripted response and notes when it was sent.
	 */
	private final class ScriptedServer implements ClientHttpRequestExecution {

		final List<Long> sentAt = new ArrayList<>();

		private final Deque<ClientHttpResponse> responses = new ArrayDeque<>();

		void respond(ClientHttpResponse response) {
			this.responses.add(response);
		}

		@Override
		public ClientHttpResponse execute(HttpRequest request, byte[] body) {
			this.sentAt.add(RateLimitInterceptorTests.this.clock.nanoTime());
			return this.responses.remove();
		}

	}

	private static final class RecordingObserver implements RateLimitObserver {

		final List<String> responses = new ArrayList<>();

		final List<String> rateLimits = new ArrayList<>();

		final List<String> waits = new ArrayList<>();

		@Override
		public void responseReceived(String route, int status) {
			this.responses.add(route + " " + status);
		}

		@Override
		public void rateLimited(String route, String scope) {
			this.rateLimits.add(route + " " + scope);
		}

		@Override
		public void waited(String route, Duration waited) {
			this.waits.add(route + " " + waited);
		}

	}

}
