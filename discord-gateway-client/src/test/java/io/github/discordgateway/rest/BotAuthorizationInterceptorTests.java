package io.github.discordgateway.rest;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class BotAuthorizationInterceptorTests {

	private static final String TOKEN = "MTIz.abc.secret";

	private final BotAuthorizationInterceptor interceptor = new BotAuthorizationInterceptor(
			DiscordApiBase.of("https://discord.com/api/v10"), TOKEN);

	private final List<HttpRequest> sent = new ArrayList<>();

	private final ClientHttpRequestExecution server = (request, body) -> {
		this.sent.add(request);
		return new MockClientHttpResponse(new byte[0], HttpStatus.OK);
	};

	@Test
	void requestsToTheApiCarryTheToken() throws IOException {
		send("https://discord.com/api/v10/users/@me");
		assertThat(this.sent.get(0).getHeaders().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bot " + TOKEN);
	}

	@Test
	void requestsElsewhereCarryNoToken() throws IOException {
		send("https://cdn.discordapp.com/attachments/1/2/file.png");
		send("https://discord.com.evil.example/api/v10/users/@me");
		assertThat(this.sent).allSatisfy(
				(request) -> assertThat(request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)).isFalse());
	}

	@Test
	void anAuthorizationSetByTheCallerIsKept() throws IOException {
		MockClientHttpRequest request = new MockClientHttpRequest(HttpMethod.GET,
				URI.create("https://discord.com/api/v10/oauth2/@me"));
		request.getHeaders().setBearerAuth("user-token");
		this.interceptor.intercept(request, new byte[0], this.server);
		assertThat(this.sent.get(0).getHeaders().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer user-token");
	}

	@Test
	void toStringHidesTheToken() {
		assertThat(this.interceptor.toString()).doesNotContain(TOKEN).doesNotContain("secret");
	}

	private void send(String uri) throws IOException {
		this.interceptor.intercept(new MockClientHttpRequest(HttpMethod.GET, URI.create(uri)), new byte[0],
				this.server);
	}

}
