package io.github.discordgateway.model;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SnowflakeTests {

	private final GatewayJson json = new GatewayJson();

	record Holder(Snowflake id, List<Snowflake> notFound) {
	}

	@Test
	void readsStringAndNumberIds() {
		Holder holder = this.json.read(RawJson.of("{\"id\":\"175928847299117063\",\"not_found\":[123123,\"7\"]}"),
				Holder.class);
		assertThat(holder.id().value()).isEqualTo(175928847299117063L);
		assertThat(holder.notFound()).containsExactly(Snowflake.of(123123), Snowflake.of(7));
	}

	@Test
	void readsNullAsNull() {
		assertThat(this.json.read(RawJson.of("{\"id\":null}"), Holder.class).id()).isNull();
	}

	@Test
	void writesAsStringAndReadsBack() {
		Holder holder = new Holder(Snowflake.of("18446744073709551615"), List.of(Snowflake.of(1)));
		String written = this.json.mapper().writeValueAsString(holder);
		assertThat(written).isEqualTo("{\"id\":\"18446744073709551615\",\"not_found\":[\"1\"]}");
		assertThat(this.json.read(RawJson.of(written), Holder.class)).isEqualTo(holder);
	}

	@Test
	void keepsAllSixtyFourBitsUnsigned() {
		Snowflake max = Snowflake.of("18446744073709551615");
		assertThat(max.value()).isEqualTo(-1L);
		assertThat(max).hasToString("18446744073709551615");
	}

	@Test
	void ordersUnsigned() {
		Snowflake small = Snowflake.of("80351110224678912");
		Snowflake large = Snowflake.of("18446744073709551615");
		assertThat(small).isLessThan(large);
		assertThat(List.of(large, Snowflake.of(1), small).stream().sorted().toList())
			.containsExactly(Snowflake.of(1), small, large);
	}

	@Test
	void knowsWhenItWasMade() {
		// (id >> 22) + 1420070400000, the docs' formula: 1462015105796 ms is 2016-04-30T11:18:25.796Z.
		assertThat(Snowflake.of("175928847299117063").timestamp()).isEqualTo(Instant.ofEpochMilli(1462015105796L));
		assertThat(Snowflake.of(0).timestamp()).isEqualTo(Instant.parse("2015-01-01T00:00:00Z"));
	}

	@Test
	void rejectsTextThatIsNotAnId() {
		assertThatExceptionOfType(NumberFormatException.class).isThrownBy(() -> Snowflake.of("abc"));
	}

}
