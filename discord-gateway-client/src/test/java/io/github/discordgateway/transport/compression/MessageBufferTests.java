package io.github.discordgateway.transport.compression;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessageBufferTests {

	@Test
	void startsSmallDoublesAndStopsAtTheMaximum() {
		MessageBuffer buffer = new MessageBuffer(100_000);
		assertThat(buffer.array()).hasSize(MessageBuffer.INITIAL_CAPACITY);
		buffer.ensureCapacity(MessageBuffer.INITIAL_CAPACITY + 1);
		assertThat(buffer.array()).hasSize(2 * MessageBuffer.INITIAL_CAPACITY);
		buffer.ensureCapacity(70_000);
		assertThat(buffer.array()).hasSize(70_000);
		buffer.ensureCapacity(70_001);
		assertThat(buffer.array()).hasSize(100_000);
		assertThatExceptionOfType(MessageTooLargeException.class).isThrownBy(() -> buffer.ensureCapacity(100_001));
		assertThat(buffer.array()).hasSize(100_000);
	}

	@Test
	void keepsModestBuffersAndDropsLargeOnesOnClear() {
		MessageBuffer buffer = new MessageBuffer(1 << 20);
		buffer.ensureCapacity(MessageBuffer.RETAINED_CAPACITY);
		buffer.clear();
		assertThat(buffer.array()).hasSize(MessageBuffer.RETAINED_CAPACITY);
		buffer.ensureCapacity(MessageBuffer.RETAINED_CAPACITY + 1);
		buffer.advance(10);
		buffer.clear();
		assertThat(buffer.length()).isZero();
		assertThat(buffer.array()).hasSize(MessageBuffer.INITIAL_CAPACITY);
	}

	@Test
	void neverAllocatesMoreThanASmallMaximum() {
		MessageBuffer buffer = new MessageBuffer(10);
		assertThat(buffer.array()).hasSize(10);
		for (int i = 0; i < 10; i++) {
			buffer.append((byte) i);
		}
		assertThatExceptionOfType(MessageTooLargeException.class).isThrownBy(() -> buffer.append((byte) 10));
	}

}
