package io.github.discordgateway.autoconfigure.actuate;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real web application on a random port, the token on its command line, every value shown by actuator.
 */
class DiscordTokenActuatorTests {

	private static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.s3cr3tS3gm3ntOfTheT0ken";

	private static final String SECRET_SEGMENT = TOKEN.substring(TOKEN.lastIndexOf('.') + 1);

	private static final String JAVA_COMMAND = "sun.java.command";

	private static String originalCommand;

	private static ConfigurableApplicationContext context;

	private static HttpClient http;

	@BeforeAll
	static void startApplication() {
		// As when the bot is launched with the token as an argument: the JVM shows its command line as a property.
		originalCommand = System.getProperty(JAVA_COMMAND);
		System.setProperty(JAVA_COMMAND, "bot.jar --discord.token=" + TOKEN);
		context = new SpringApplicationBuilder(WebApplication.class).run("--discord.token=" + TOKEN,
				"--my.webhook=https://example.com/hook?auth=" + URLEncoder.encode("Bot " + TOKEN, StandardCharsets.UTF_8),
				"--server.port=0", "--server.address=127.0.0.1", "--discord.gateway.auto-startup=false",
				"--management.endpoints.web.exposure.include=env,configprops",
				"--management.endpoint.env.show-values=ALWAYS",
				"--management.endpoint.configprops.show-values=ALWAYS");
		http = HttpClient.newHttpClient();
	}

	@AfterAll
	static void stopApplication() {
		if (context != null) {
			context.close();
		}
		if (originalCommand != null) {
			System.setProperty(JAVA_COMMAND, originalCommand);
		}
		else {
			System.clearProperty(JAVA_COMMAND);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/env", "/actuator/env/discord.token", "/actuator/env/sun.java.command",
			"/actuator/env/my.webhook", "/actuator/configprops", "/actuator/configprops/discord" })
	void noFormOfTheTokenShows(String path) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("******")
			.doesNotContain(TOKEN)
			.doesNotContain(SECRET_SEGMENT)
			.doesNotContain(URLEncoder.encode(TOKEN, StandardCharsets.UTF_8))
			.doesNotContain(URLEncoder.encode(SECRET_SEGMENT, StandardCharsets.UTF_8));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class WebApplication {

	}

}
