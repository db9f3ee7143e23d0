package io.github.discordgateway.transport;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class TransportSecurityTests {

	@Test
	void tlsIsAcceptedEverywhere() {
		assertThatNoException().isThrownBy(() -> {
			TransportSecurity.requireSecure(URI.create("https://discord.com/api/v10"), "rest", false);
			TransportSecurity.requireSecure(URI.create("wss://gateway.discord.gg"), "gateway", false);
		});
	}

	@Test
	void plainTextIsAcceptedOnLoopback() {
		assertThatNoException().isThrownBy(() -> {
			TransportSecurity.requireSecure(URI.create("http://127.0.0.1:8080/api/v10"), "rest", false);
			TransportSecurity.requireSecure(URI.create("ws://127.5.0.1:1"), "gateway", false);
			TransportSecurity.requireSecure(URI.create("ws://localhost:1"), "gateway", false);
			TransportSecurity.requireSecure(URI.create("ws://[::1]:1"), "gateway", false);
		});
	}

	@Test
	void plainTextOffLoopbackIsRefusedByPropertyName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransportSecurity.requireSecure(URI.create("http://discord.com/api/v10"),
					"discord.rest.base-url", false))
			.withMessageContaining("discord.rest.base-url")
			.withMessageContaining("discord.insecure-transport-allowed-for-testing-only");
		assertThatIllegalArgumentException().isThrownBy(
				() -> TransportSecurity.requireSecure(URI.create("ws://10.0.0.1:1"), "discord.gateway.url", false));
		assertThatIllegalArgumentException().isThrownBy(() -> TransportSecurity
			.requireSecure(URI.create("ws://localhost.evil.example:1"), "discord.gateway.url", false));
	}

	@Test
	void plainTextOffLoopbackIsAcceptedOnlyWhenExplicitlyAllowed() {
		assertThatNoException().isThrownBy(
				() -> TransportSecurity.requireSecure(URI.create("ws://10.0.0.1:1"), "discord.gateway.url", true));
	}

	@Test
	void otherSchemesAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransportSecurity.requireSecure(URI.create("ftp://127.0.0.1/"), "rest", true));
	}

}
