package io.github.discordgateway.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GatewayUrlTests {

	@Test
	void appendsTheQueryToABareUrl() {
		assertThat(GatewayUrl.connectUri("wss://gateway-us-east1-b.discord.gg", "zlib-stream"))
			.hasToString("wss://gateway-us-east1-b.discord.gg/?v=10&encoding=json&compress=zlib-stream");
	}

	@Test
	void keepsAPathAndReplacesAnyQuery() {
		assertThat(GatewayUrl.connectUri("ws://127.0.0.1:8080/gateway/?v=9&encoding=etf", null))
			.hasToString("ws://127.0.0.1:8080/gateway/?v=10&encoding=json");
		assertThat(GatewayUrl.connectUri(" wss://gateway.discord.gg/ ", null))
			.hasToString("wss://gateway.discord.gg/?v=10&encoding=json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://gateway.discord.gg", "gateway.discord.gg", "wss://", "not a url at all", " ",
			"wss:gateway.discord.gg" })
	void refusesUrlsNoConnectionCanOpen(String url) {
		assertThat(GatewayUrl.problem(url)).isNotNull();
		assertThatIllegalArgumentException().isThrownBy(() -> GatewayUrl.connectUri(url, null))
			.withMessageContaining("The gateway URL");
	}

	@Test
	void namesWhatIsWrongWithAUrl() {
		assertThat(GatewayUrl.problem("https://gateway.discord.gg")).contains("wss://").contains("https://");
		assertThat(GatewayUrl.problem("gateway.discord.gg")).contains("no scheme");
		assertThat(GatewayUrl.problem(null)).isEqualTo("is empty");
		assertThat(GatewayUrl.problem("WSS://gateway.discord.gg")).isNull();
	}

}
