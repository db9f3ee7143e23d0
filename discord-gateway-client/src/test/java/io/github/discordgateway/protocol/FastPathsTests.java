package io.github.discordgateway.protocol;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

import io.github.discordgateway.model.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The codec's direct paths for timestamps, ids and types give what Jackson's general ones give, failures included.
 */
class FastPathsTests {

	private final GatewayJson json = new GatewayJson();

	/** The codec's mapper as it was before the direct paths. */
	private final JsonMapper reference = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
		.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
		.build();

	private static String message(String id, String timestamp, String type) {
		return "{\"id\":" + id + ",\"channel_id\":\"1300000000000000002\",\"author\":{\"id\":\"1100000000000000042\"},"
				+ "\"member\":{\"roles\":[\"1\",2,\"18446744073709551615\"],\"joined_at\":" + timestamp + "},"
				+ "\"timestamp\":" + timestamp + ",\"edited_timestamp\":null,\"type\":" + type + ",\"channel_type\":"
				+ type + ",\"content\":\"hi\"}";
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"2024-05-01T10:00:00.123456+00:00\"", "\"2024-05-01T10:00:00Z\"",
			"\"2024-05-01T12:00:00.5+02:00\"", "\"2024-05-01T10:00:00.1234567890+00:00\"", "\"2024-05-01T10:00\"",
			"1714557600", "1714557600.5", "null" })
	void readsTimestampsAsJacksonDoes(String timestamp) {
		assertSameDecoding(message("\"1400000000000000001\"", timestamp, "0"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"1400000000000000001\"", "\"18446744073709551615\"", "\"9999999999999999999\"",
			"\"0\"", "1400000000000000001", "\"\"", "\"12a\"", "\"-1\"", "\"18446744073709551616\"",
			"18446744073709551615", "null" })
	void readsIdsAsJacksonDoes(String id) {
		assertSameDecoding(message(id, "null", "0"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "19", "255", "\"7\"", "null", "2147483648", "1.5" })
	void readsMessageAndChannelTypesAsJacksonDoes(String type) {
		assertSameDecoding(message("\"1\"", "null", type));
	}

	@Test
	void readsIdsInListsAsJacksonDoes() {
		assertSameDecoding("{\"mention_roles\":[\"1\",\"2\",3],\"mentions\":[{\"id\":\"5\",\"username\":\"a\"}]}");
	}

	private void assertSameDecoding(String text) {
		RawJson raw = RawJson.of(text);
		Object expected;
		try {
			expected = this.reference.readValue(text, Message.class);
		}
		catch (JacksonException ex) {
			assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> this.json.read(raw, Message.class))
				.withMessageContaining(ex.getOriginalMessage().substring(0, Math.min(20, ex.getOriginalMessage().length())));
			return;
		}
		assertThat(this.json.read(raw, Message.class)).isEqualTo(expected);
		assertThat(List.of(this.json.read(raw, Message.class))).hasSize(1);
	}

}
