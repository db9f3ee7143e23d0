package io.github.discordgateway.model;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

import static org.assertj.core.api.Assertions.assertThat;

class UnknownValuesTests {

	private final GatewayJson json = new GatewayJson();

	@Test
	void keepsAChannelTypeDiscordAddsLater() {
		Channel channel = this.json.read(RawJson.of("{\"id\":\"1\",\"type\":99}"), Channel.class);
		assertThat(channel.type().value()).isEqualTo(99);
		assertThat(channel.type().isKnown()).isFalse();
		assertThat(this.json.mapper().writeValueAsString(channel.type())).isEqualTo("99");
	}

	@Test
	void namesKnownValues() {
		Channel channel = this.json.read(RawJson.of("{\"id\":\"1\",\"type\":11}"), Channel.class);
		assertThat(channel.type()).isEqualTo(ChannelType.PUBLIC_THREAD);
		assertThat(channel.type().isKnown()).isTrue();
	}

	@Test
	void keepsUnknownValuesInsideNestedObjects() {
		Message message = this.json.read(RawJson.of(
				"{\"id\":\"1\",\"type\":4242,\"channel_type\":77,\"unknown_field\":{\"x\":[1]},\"referenced_message\":{\"id\":\"2\",\"type\":19}}"),
				Message.class);
		assertThat(message.type()).isEqualTo(MessageType.of(4242));
		assertThat(message.type().isKnown()).isFalse();
		assertThat(message.channelType().value()).isEqualTo(77);
		assertThat(message.referencedMessage().type()).isEqualTo(MessageType.REPLY);
	}

	@Test
	void everyIntCodedTypeKeepsWhatItDoesNotKnow() {
		assertThat(InteractionType.of(6).isKnown()).isFalse();
		assertThat(ActivityType.of(6).isKnown()).isFalse();
		assertThat(ApplicationCommandType.of(5).isKnown()).isFalse();
		assertThat(ApplicationCommandOptionType.of(12).isKnown()).isFalse();
		assertThat(ActivityType.of(5)).isEqualTo(ActivityType.COMPETING);
		assertThat(ActivityType.COMPETING.isKnown()).isTrue();
	}

}
