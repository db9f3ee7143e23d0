package io.github.discordgateway.autoconfigure.actuate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class DiscordTokenSanitizingFunctionTests {

	private static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.s3cr3tS3gm3ntOfTheT0ken";

	private final DiscordTokenSanitizingFunction function = new DiscordTokenSanitizingFunction(() -> TOKEN);

	@Test
	void theTokenPropertyAndVariableAreMaskedByKey() {
		assertThat(apply("discord.token", "anything")).isEqualTo(SanitizableData.SANITIZED_VALUE);
		assertThat(apply("DISCORD_TOKEN", "anything")).isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	@Test
	void aValueEqualToTheTokenIsMaskedWhateverItsKey() {
		assertThat(apply("my.copy", TOKEN)).isEqualTo(SanitizableData.SANITIZED_VALUE);
		assertThat(apply("my.header", "Bot " + TOKEN)).isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	@Test
	void theTokenInsideAnotherValueIsMaskedInEveryForm() {
		assertThat(apply("sun.java.command", "app.jar --discord.token=" + TOKEN + " --debug"))
			.isEqualTo("app.jar --discord.token=****** --debug");
		assertThat(apply("my.url", "https://example.com/?auth=Bot+" + TOKEN)).doesNotContain(TOKEN);
		assertThat(apply("my.note", "secret is s3cr3tS3gm3ntOfTheT0ken")).isEqualTo("secret is ******");
	}

	@Test
	void aTokenThatURLEncodingChangesIsMaskedInItsEncodedFormsToo() {
		// TOKEN is URL-safe (its encoding is itself), so only a token with '+', '/' or '=' proves the encoded forms.
		String token = "MTIz+NDU2/Nzg5.GhIjKl.s3cr3t/S3gm3nt+T0ken=";
		String secret = "s3cr3t/S3gm3nt+T0ken=";
		DiscordTokenSanitizingFunction function = new DiscordTokenSanitizingFunction(() -> token);
		assertThat(URLEncoder.encode(token, StandardCharsets.UTF_8)).isNotEqualTo(token);
		assertThat(apply(function, "my.url",
				"https://example.com/?auth=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.isEqualTo("https://example.com/?auth=******");
		assertThat(apply(function, "my.url",
				"https://example.com/?auth=" + URLEncoder.encode("Bot " + token, StandardCharsets.UTF_8)))
			.isEqualTo("https://example.com/?auth=******");
		assertThat(apply(function, "my.url",
				"https://example.com/?s=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)))
			.isEqualTo("https://example.com/?s=******");
	}

	@Test
	void otherValuesAreLeftAlone() {
		assertThat(apply("discord.rest.base-url", "https://discord.com/api/v10"))
			.isEqualTo("https://discord.com/api/v10");
	}

	@Test
	void withoutATokenOnlyTheKeysAreMasked() {
		DiscordTokenSanitizingFunction none = new DiscordTokenSanitizingFunction(() -> null);
		SanitizableData data = new SanitizableData(new MapPropertySource("test", Map.of()), "x", "value");
		assertThat(none.apply(data).getValue()).isEqualTo("value");
	}

	private String apply(String key, String value) {
		return apply(this.function, key, value);
	}

	private static String apply(DiscordTokenSanitizingFunction function, String key, String value) {
		return function.apply(new SanitizableData(new MapPropertySource("test", Map.of()), key, value))
			.getValue()
			.toString();
	}

}
