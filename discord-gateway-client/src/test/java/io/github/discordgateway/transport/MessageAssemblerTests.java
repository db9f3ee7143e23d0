package io.github.discordgateway.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.transport.compression.MessageTooLargeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessageAssemblerTests {

	@Test
	void joinsFragmentsIntoOneMessage() {
		MessageAssembler assembler = new MessageAssembler(1024);
		assertThat(assembler.append("{\"op\":", false)).isNull();
		assertThat(assembler.isEmpty()).isFalse();
		assertThat(assembler.append("11,\"d\":\"\u00e9\"", false)).isNull();
		assertThat(new String(assembler.append("}", true), StandardCharsets.UTF_8)).isEqualTo("{\"op\":11,\"d\":\"\u00e9\"}");
		assertThat(assembler.isEmpty()).isTrue();
	}

	@Test
	void refusesAMessageOverTheLimitAndStartsAfresh() {
		MessageAssembler assembler = new MessageAssembler(8);
		assembler.append(ByteBuffer.wrap(new byte[6]), false);
		assertThatExceptionOfType(MessageTooLargeException.class)
			.isThrownBy(() -> assembler.append(ByteBuffer.wrap(new byte[6]), true))
			.withMessageContaining("discord.gateway.max-message-size");
		assertThat(assembler.append(ByteBuffer.wrap(new byte[4]), true)).hasSize(4);
	}

}
