package io.github.discordgateway.rest;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DiscordApiBaseTests {

	private final DiscordApiBase base = DiscordApiBase.of("https://discord.com/api/v10/");

	@Test
	void coversRequestsUnderTheBasePath() {
		assertThat(this.base.covers(URI.create("https://discord.com/api/v10/channels/1/messages"))).isTrue();
		assertThat(this.base.covers(URI.create("https://DISCORD.com:443/api/v10/gateway/bot"))).isTrue();
		assertThat(this.base.relativePath(URI.create("https://discord.com/api/v10/gateway/bot?x=1")))
			.isEqualTo("/gateway/bot");
	}

	@Test
	void doesNotCoverOtherHostsPortsSchemesOrPaths() {
		assertThat(this.base.covers(URI.create("https://cdn.discordapp.com/api/v10/x"))).isFalse();
		assertThat(this.base.covers(URI.create("https://discord.com.evil.example/api/v10/x"))).isFalse();
		assertThat(this.base.covers(URI.create("https://discord.com:8443/api/v10/x"))).isFalse();
		assertThat(this.base.covers(URI.create("http://discord.com/api/v10/x"))).isFalse();
		// Same host and port, plain HTTP: only the scheme check keeps the token off the wire unencrypted.
		assertThat(this.base.covers(URI.create("http://discord.com:443/api/v10/x"))).isFalse();
		assertThat(this.base.covers(URI.create("https://discord.com/api/v100/x"))).isFalse();
		assertThat(this.base.covers(URI.create("https://discord.com/other"))).isFalse();
		assertThat(this.base.covers(URI.create("/api/v10/x"))).isFalse();
	}

	@Test
	void aRelativeBaseIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> DiscordApiBase.of("/api/v10"));
	}

}
