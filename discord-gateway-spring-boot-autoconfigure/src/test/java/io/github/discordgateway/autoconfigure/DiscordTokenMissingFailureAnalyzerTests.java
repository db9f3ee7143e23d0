package io.github.discordgateway.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class DiscordTokenMissingFailureAnalyzerTests {

	@Test
	void startupReportSaysWhatToSet(CapturedOutput output) {
		SpringApplication application = new SpringApplication(TestConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--discord.token="));
		assertThat(output).contains("APPLICATION FAILED TO START", "no bot token is configured", "discord.token",
				"DISCORD_TOKEN");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(DiscordGatewayAutoConfiguration.class)
	static class TestConfiguration {

	}

}
