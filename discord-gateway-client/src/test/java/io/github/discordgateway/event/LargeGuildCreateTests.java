package io.github.discordgateway.event;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.model.Guild;
import io.github.discordgateway.model.Snowflake;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.GatewayMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GUILD_CREATE of a large guild (megabytes of members, channels, roles and presences) goes through the same
 * envelope decoding a shard uses and decodes into its typed record whole.
 */
class LargeGuildCreateTests {

	private static final int MEMBERS = 10_000;

	private static final int CHANNELS = 500;

	private static final int ROLES = 250;

	private final GatewayJson json = new GatewayJson();

	@Test
	void aLargeGuildCreateDecodesEveryMemberChannelRoleAndPresence() {
		byte[] bytes = guildCreate().getBytes(StandardCharsets.UTF_8);
		assertThat(bytes.length).as("bytes").isGreaterThan(3_000_000);
		GatewayMessage message = this.json.decode(bytes, bytes.length);
		DispatchEvent event = new TypedDispatchEventFactory(this.json).create(message.type(), 0, message.sequence(),
				false, message.data());

		Guild guild = ((GuildCreateEvent) event).getGuild();

		assertThat(guild.id()).isEqualTo(Snowflake.of(900));
		assertThat(guild.memberCount()).isEqualTo(MEMBERS);
		assertThat(guild.members()).hasSize(MEMBERS);
		assertThat(guild.channels()).hasSize(CHANNELS);
		assertThat(guild.roles()).hasSize(ROLES);
		assertThat(guild.presences()).hasSize(MEMBERS);
		int last = MEMBERS - 1;
		assertThat(guild.members().get(last).user().id()).isEqualTo(Snowflake.of(100_000 + last));
		assertThat(guild.members().get(last).nick()).isEqualTo("nick \"" + last + "\" \u2603");
		assertThat(guild.members().get(last).roles()).containsExactly(Snowflake.of(5000 + last % ROLES));
		assertThat(guild.members().get(last).joinedAt())
			.isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000, ZoneOffset.UTC));
		assertThat(guild.channels().get(CHANNELS - 1).name()).isEqualTo("channel-" + (CHANNELS - 1));
		assertThat(guild.presences().get(last).status()).isEqualTo("online");
	}

	private static String guildCreate() {
		StringBuilder d = new StringBuilder("{\"id\":\"900\",\"name\":\"big\",\"large\":true,\"member_count\":")
			.append(MEMBERS).append(",\"roles\":[");
		for (int i = 0; i < ROLES; i++) {
			d.append(i > 0 ? "," : "").append("{\"id\":\"").append(5000 + i).append("\",\"name\":\"role-").append(i)
				.append("\",\"permissions\":\"1024\",\"position\":").append(i).append('}');
		}
		d.append("],\"channels\":[");
		for (int i = 0; i < CHANNELS; i++) {
			d.append(i > 0 ? "," : "").append("{\"id\":\"").append(7000 + i).append("\",\"type\":0,\"name\":\"channel-")
				.append(i).append("\",\"position\":").append(i).append('}');
		}
		d.append("],\"members\":[");
		for (int i = 0; i < MEMBERS; i++) {
			d.append(i > 0 ? "," : "").append("{\"user\":{\"id\":\"").append(100_000 + i)
				.append("\",\"username\":\"user").append(i).append("\",\"avatar\":null},\"nick\":\"nick \\\"").append(i)
				.append("\\\" \\u2603\",\"roles\":[\"").append(5000 + i % ROLES)
				.append("\"],\"joined_at\":\"2024-01-02T03:04:05.678000+00:00\",\"deaf\":false,\"mute\":false,")
				.append("\"flags\":0,\"avatar_decoration_data\":{\"asset\":\"a_0123456789abcdef\",\"sku_id\":\"1\"}}");
		}
		d.append("],\"presences\":[");
		for (int i = 0; i < MEMBERS; i++) {
			d.append(i > 0 ? "," : "").append("{\"user\":{\"id\":\"").append(100_000 + i)
				.append("\"},\"status\":\"online\",\"activities\":[{\"name\":\"a game with a long name\",\"type\":0}],")
				.append("\"client_status\":{\"desktop\":\"online\"}}");
		}
		d.append("]}");
		return "{\"op\":0,\"s\":2,\"t\":\"GUILD_CREATE\",\"d\":" + d + "}";
	}

}
