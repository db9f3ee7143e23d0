package io.github.discordgateway.protocol;

import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IsoTimestampsTests {

	private static OffsetDateTime parse(String text) {
		char[] padded = ("xx" + text + "yy").toCharArray();
		return IsoTimestamps.parse(padded, 2, text.length());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024-05-01T10:00:00+00:00", "2024-05-01T10:00:00Z", "2024-05-01t10:00:00z",
			"2024-05-01T10:00:00.1+00:00", "2024-05-01T10:00:00.12Z", "2024-05-01T10:00:00.123+00:00",
			"2024-05-01T10:00:00.1234Z", "2024-05-01T10:00:00.12345+00:00", "2024-05-01T10:00:00.123456+00:00",
			"2024-05-01T10:00:00.1234567Z", "2024-05-01T10:00:00.12345678+00:00",
			"2024-05-01T10:00:00.123456789+00:00", "2024-05-01T10:00:00.000000+00:00", "2026-11-29T23:59:59.999999Z",
			"2024-02-29T00:00:00+00:00", "1999-12-31T23:59:59.5+05:30", "2015-01-01T00:00:00.000-08:00",
			"2024-05-01T10:00:00+14:00", "2024-05-01T10:00:00-18:00", "0001-01-01T00:00:00Z" })
	void readsWhatJavaTimeReadsTheSame(String text) {
		OffsetDateTime expected = OffsetDateTime.parse(text);
		OffsetDateTime parsed = parse(text);
		assertThat(parsed).isEqualTo(expected);
		assertThat(parsed.getOffset()).isSameAs(expected.getOffset());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024-02-30T10:00:00Z", "2023-02-29T10:00:00Z", "2024-13-01T10:00:00Z",
			"2024-05-01T24:00:00Z", "2024-05-01T10:60:00Z", "2024-05-01T10:00:60Z", "2024-05-01 10:00:00Z",
			"2024-05-01T10:00:00", "2024-05-01T10:00:00.Z", "2024-05-01T10:00:00.1234567890Z",
			"2024-05-01T10:00:00+0000", "2024-05-01T10:00:00+19:00", "2024-05-01T10:00:00+05:60",
			"2024-05-01T10:00:00+00:00[UTC]", "2024-5-01T10:00:00Z", "2024-05-01T1a:00:00Z", "+2024-05-01T10:00:00Z",
			"2024-05-01T10:00Z", "", "2024-05-01T10:00:00+00:00 " })
	void leavesEveryOtherShapeToTheGeneralParser(String text) {
		assertThat(parse(text)).isNull();
	}

}
