package io.github.discordgateway.command;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.event.DispatchEventFactory;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;
import io.github.discordgateway.session.ManualExecutor;
import io.github.discordgateway.session.ManualScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Member requests matched to their chunks, with futures that complete on the callback executor only.
 */
class GuildMemberRequestsTests {

	private final ManualScheduler scheduler = new ManualScheduler();

	private final ManualExecutor callbacks = new ManualExecutor();

	private final GuildMemberRequests requests = new GuildMemberRequests(this.scheduler, Duration.ofSeconds(30),
			this.callbacks);

	private final DispatchEventFactory events = DispatchEventFactory.generic(new GatewayJson());

	@Test
	void aRequestWithoutAnswerTimesOutOnTheCallbackExecutorNotOnTheTimer() {
		CompletableFuture<GuildMembers> result = new CompletableFuture<>();
		this.requests.register(request(), result);
		this.scheduler.advance(Duration.ofSeconds(30));
		assertThat(result).as("the timer only hands the failure over").isNotDone();
		this.callbacks.runAll();
		assertThat(result).failsWithin(Duration.ZERO)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.withCauseInstanceOf(TimeoutException.class);
	}

	@Test
	void theLastChunkCompletesTheRequestOnTheCallbackExecutor() {
		CompletableFuture<GuildMembers> result = new CompletableFuture<>();
		RequestGuildMembers request = request();
		this.requests.register(request, result);
		String nonce = request.nonce();
		this.requests.dispatchReceived(this.events.create("GUILD_MEMBERS_CHUNK", 0, 2, false, RawJson.of(
				"{\"guild_id\":\"1\",\"members\":[],\"chunk_index\":0,\"chunk_count\":1,\"nonce\":\"" + nonce + "\"}")));
		assertThat(result).isNotDone();
		this.callbacks.runAll();
		assertThat(result).isCompleted();
		this.scheduler.advance(Duration.ofSeconds(30));
		this.callbacks.runAll();
		assertThat(result).isCompleted();
	}

	@Test
	void aRateLimitedRequestFailsOnTheCallbackExecutor() {
		CompletableFuture<GuildMembers> result = new CompletableFuture<>();
		RequestGuildMembers request = request();
		this.requests.register(request, result);
		String nonce = request.nonce();
		this.requests.dispatchReceived(this.events.create("RATE_LIMITED", 0, 2, false, RawJson.of(
				"{\"opcode\":8,\"retry_after\":1.5,\"meta\":{\"guild_id\":\"1\",\"nonce\":\"" + nonce + "\"}}")));
		assertThat(result).isNotDone();
		this.callbacks.runAll();
		assertThat(result).failsWithin(Duration.ZERO)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.withCauseInstanceOf(GatewayRateLimitedException.class);
	}

	private static RequestGuildMembers request() {
		return RequestGuildMembers.all("1").withNonce(GuildMemberRequests.newNonce());
	}

}
