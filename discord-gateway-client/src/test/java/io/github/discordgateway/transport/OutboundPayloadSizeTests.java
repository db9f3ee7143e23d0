package io.github.discordgateway.transport;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OutboundPayloadSizeTests {

	@Test
	void acceptsExactly4096BytesAndRefusesOneMore() {
		assertThatCode(() -> OutboundPayloadSize.check("a".repeat(4096), 3)).doesNotThrowAnyException();
		assertThatCode(() -> OutboundPayloadSize.check(4096, 3)).doesNotThrowAnyException();
		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> OutboundPayloadSize.check("a".repeat(4097), 3));
	}

	@Test
	void countsBytesNotChars() {
		// 2048 two-byte chars are exactly the limit; 1366 three-byte chars are 4098 bytes.
		assertThatCode(() -> OutboundPayloadSize.check("é".repeat(2048), 3)).doesNotThrowAnyException();
		String euros = "€".repeat(1366);
		assertThat(euros.length()).isLessThan(4096);
		assertThatExceptionOfType(PayloadTooLargeException.class).isThrownBy(() -> OutboundPayloadSize.check(euros, 3))
			.withMessageContaining("4098 bytes")
			.withMessageContaining("4096")
			.withMessageContaining("opcode 3")
			.satisfies((ex) -> {
				assertThat(ex.size()).isEqualTo(4098);
				assertThat(ex.limit()).isEqualTo(4096);
				assertThat(ex.opcode()).isEqualTo(3);
			});
	}

	@Test
	void countsSurrogatePairsAsFourBytes() {
		String emoji = "😀".repeat(1024);
		assertThat(emoji.length()).isEqualTo(2048);
		assertThatCode(() -> OutboundPayloadSize.check(emoji, 8)).doesNotThrowAnyException();
		assertThatExceptionOfType(PayloadTooLargeException.class)
			.isThrownBy(() -> OutboundPayloadSize.check(emoji + "x", 8))
			.withMessageContaining("opcode 8");
	}

	@Test
	void countsLikeTheUtf8Encoder() {
		Random random = new Random(11);
		char[] samples = { 'a', '{', 'é', 'ß', '€', '中', '\uD83D', '\uDE00', '\uFFFD', '\u07FF', '\u0800' };
		for (int round = 0; round < 500; round++) {
			StringBuilder text = new StringBuilder();
			for (int i = random.nextInt(40); i > 0; i--) {
				text.append(samples[random.nextInt(samples.length)]);
			}
			assertThat(OutboundPayloadSize.utf8Length(text))
				.as("%s", text)
				.isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8).length);
		}
	}

	@Test
	void checksEncodedLengths() {
		assertThatExceptionOfType(PayloadTooLargeException.class).isThrownBy(() -> OutboundPayloadSize.check(5000, 2))
			.withMessage("The gateway payload for opcode 2 is 5000 bytes (UTF-8), over Discord's limit of 4096 bytes;"
					+ " it was not sent");
	}

}
