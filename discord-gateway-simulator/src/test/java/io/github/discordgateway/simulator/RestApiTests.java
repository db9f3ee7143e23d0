package io.github.discordgateway.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The REST endpoints a gateway client needs, with Discord's status codes and bodies.
 */
class RestApiTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final GatewaySimulator simulator = GatewaySimulator.start(SimulatorOptions.builder()
		.sessionStartLimit(new SessionStartLimit(1000, 999, Duration.ofMillis(14_400_000), 1))
		.recommendedShards(2)
		.build());

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void gatewayBotWithoutTheBotPrefixIs401() throws Exception {
		HttpResponse<String> response = send(get("/gateway/bot").header("Authorization", "simulated-token"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"message\":\"401: Unauthorized\",\"code\":0}");
		RestCall call = this.simulator.restCalls().get(0);
		assertThat(call.path()).isEqualTo("/api/v10/gateway/bot");
		assertThat(call.header("authorization")).contains("simulated-token");
		assertThat(call.status()).isEqualTo(401);
	}

	@Test
	void gatewayBotDescribesTheGatewayAndCountsIdentifies() throws Exception {
		JsonNode body = JdkGatewayClient.JSON.readTree(send(authorized(get("/gateway/bot"))).body());
		assertThat(body.path("url").asString()).isEqualTo(this.simulator.gatewayUrl().toString());
		assertThat(body.path("shards").asInt()).isEqualTo(2);
		JsonNode limit = body.path("session_start_limit");
		assertThat(limit.path("total").asInt()).isEqualTo(1000);
		assertThat(limit.path("remaining").asInt()).isEqualTo(999);
		assertThat(limit.path("reset_after").asLong()).isEqualTo(14_400_000);
		assertThat(limit.path("max_concurrency").asInt()).isEqualTo(1);
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.identify(1);
		}
		JsonNode after = JdkGatewayClient.JSON.readTree(send(authorized(get("/gateway/bot"))).body());
		assertThat(after.path("session_start_limit").path("remaining").asInt()).isEqualTo(998);
	}

	@Test
	void gatewayNeedsNoAuth() throws Exception {
		HttpResponse<String> response = send(get("/gateway"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"url\":\"" + this.simulator.gatewayUrl() + "\"}");
	}

	@Test
	void unknownRouteIs404AndRecorded() throws Exception {
		HttpResponse<String> response = send(get("/users/@me?x=1"));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).isEqualTo("{\"message\":\"404: Not Found\",\"code\":0}");
		RestCall call = this.simulator.restCalls().get(0);
		assertThat(call.path()).isEqualTo("/api/v10/users/@me");
		assertThat(call.query()).containsEntry("x", List.of("1"));
	}

	@Test
	void postedMessageIsReturnedAndDispatchedToTheBot() throws Exception {
		SimulatedGuild guild = this.simulator.options().guilds().get(0);
		try (JdkGatewayClient client = JdkGatewayClient.connect(this.simulator.gatewayUrl())) {
			client.identify(1 | 1 << 9);
			client.next(0);
			HttpResponse<String> response = send(authorized(post("/channels/" + guild.textChannelId() + "/messages",
					"{\"content\":\"hello\",\"nonce\":\"n1\"}")));
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode message = JdkGatewayClient.JSON.readTree(response.body());
			assertThat(message.path("content").asString()).isEqualTo("hello");
			assertThat(message.path("channel_id").asString()).isEqualTo(guild.textChannelId());
			assertThat(message.path("author").path("bot").asBoolean()).isTrue();
			assertThat(message.path("nonce").asString()).isEqualTo("n1");
			JsonNode created = client.next(0);
			assertThat(created.path("t").asString()).isEqualTo("MESSAGE_CREATE");
			assertThat(created.path("d").path("id").asString()).isEqualTo(message.path("id").asString());
			assertThat(created.path("d").path("guild_id").asString()).isEqualTo(guild.id());
			assertThat(this.simulator.restCalls().get(0).body()).contains("hello");
		}
	}

	@Test
	void messageErrorsMatchDiscord() throws Exception {
		String channel = "/channels/" + this.simulator.options().guilds().get(0).textChannelId() + "/messages";
		assertThat(send(post(channel, "{\"content\":\"x\"}")).statusCode()).isEqualTo(401);
		assertThat(send(authorized(post("/channels/1/messages", "{\"content\":\"x\"}"))).body()).contains("10003");
		assertThat(send(authorized(post(channel, "{\"content\":\"\"}"))).body()).contains("50006");
		assertThat(send(authorized(post(channel, "{"))).body()).contains("50109");
		assertThat(send(authorized(get(channel))).statusCode()).isEqualTo(405);
	}

	@Test
	void interactionCallbacksAreAcceptedWithoutBotAuthorization() throws Exception {
		String callback = "/interactions/1310000000000000001/a-token/callback";
		assertThat(send(post(callback, "{\"type\":4,\"data\":{\"content\":\"hi\"}}")).statusCode()).isEqualTo(204);
		assertThat(send(post(callback, "{\"data\":{}}")).body()).contains("50035");
		assertThat(send(post(callback, "{")).body()).contains("50109");
		assertThat(send(get(callback)).statusCode()).isEqualTo(405);
		assertThat(this.simulator.restCalls()).extracting(RestCall::status).containsExactly(204, 400, 400, 405);
	}

	@Test
	void theNextRequestsCanBeAnsweredWithAServerErrorAndLeftUndone() throws Exception {
		this.simulator.failNextRestRequests(2, 503);
		HttpResponse<String> first = send(authorized(get("/gateway/bot")));
		assertThat(first.statusCode()).isEqualTo(503);
		assertThat(first.body()).isEqualTo("{\"message\":\"503: Service Unavailable\",\"code\":0}");
		assertThat(send(authorized(post("/channels/" + this.simulator.options().guilds().get(0).textChannelId()
				+ "/messages", "{\"content\":\"hi\"}"))).statusCode()).isEqualTo(503);
		assertThat(send(authorized(get("/gateway/bot"))).statusCode()).isEqualTo(200);
		assertThat(this.simulator.restCalls()).extracting(RestCall::status).containsExactly(503, 503, 200);
	}

	@Test
	void theNextRequestsCanBeDroppedUnanswered() throws Exception {
		// The JDK client retries a GET whose connection closed unanswered once by itself.
		this.simulator.dropNextRestRequests(2);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> send(authorized(get("/gateway/bot"))));
		assertThat(send(authorized(get("/gateway/bot"))).statusCode()).isEqualTo(200);
		assertThat(this.simulator.restCalls()).extracting(RestCall::status)
			.containsExactly(RestCall.DROPPED, RestCall.DROPPED, 200);
	}

	@Test
	void resettingTheSwitchesEndsServerErrorsAndDrops() throws Exception {
		this.simulator.failNextRestRequests(5, 500);
		this.simulator.dropNextRestRequests(5);
		this.simulator.resetSwitches();
		assertThat(send(authorized(get("/gateway/bot"))).statusCode()).isEqualTo(200);
	}

	@Test
	void onlyServerErrorsCanBeAskedFor() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.simulator.failNextRestRequests(1, 429));
		assertThatIllegalArgumentException().isThrownBy(() -> this.simulator.failNextRestRequests(-1, 500));
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create(this.simulator.restBaseUrl() + path)).timeout(Duration.ofSeconds(5));
	}

	private HttpRequest.Builder post(String path, String body) {
		return get(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
		return request.header("Authorization", "Bot simulated-token");
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
