package io.github.discordgateway.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DiscordRestClientAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
		.withPropertyValues("discord.token=test-token", "discord.gateway.auto-startup=false");

	@Test
	void negativeRetriesFailStartUpByPropertyName() {
		this.runner.withPropertyValues("discord.rest.rate-limit.max-retries=-1")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("discord.rest.rate-limit.max-retries"));
	}

	@Test
	void aGlobalLimitBelowOneFailsStartUpByPropertyName() {
		this.runner.withPropertyValues("discord.rest.rate-limit.global-requests-per-second=0")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("discord.rest.rate-limit.global-requests-per-second"));
	}

	@Test
	void aMissingSslBundleFailsStartUpNamingIt() {
		this.runner.withPropertyValues("discord.ssl.bundle=absent")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("absent"));
	}

}
