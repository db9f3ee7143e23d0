package io.github.discordgateway.it;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.discordgateway.autoconfigure.DiscordGatewayAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain-text URLs off loopback fail start-up by property name, unless explicitly allowed for testing.
 */
class TransportSecurityPropertiesIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
		.withPropertyValues("discord.token=test-token", "discord.gateway.auto-startup=false");

	@Test
	void aPlainTextRestBaseOffLoopbackFailsStartUp() {
		this.runner.withPropertyValues("discord.rest.base-url=http://discord.example/api/v10").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("discord.rest.base-url")
				.hasMessageContaining("discord.insecure-transport-allowed-for-testing-only");
		});
	}

	@Test
	void aPlainTextGatewayUrlOffLoopbackFailsStartUp() {
		this.runner.withPropertyValues("discord.gateway.url=ws://gateway.example").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("discord.gateway.url");
		});
	}

	@Test
	void plainTextOffLoopbackStartsWhenExplicitlyAllowedForTesting() {
		this.runner
			.withPropertyValues("discord.rest.base-url=http://discord.example/api/v10",
					"discord.gateway.url=ws://gateway.example",
					"discord.insecure-transport-allowed-for-testing-only=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void theDefaultsUseTls() {
		this.runner.run((context) -> assertThat(context).hasNotFailed());
	}

}
