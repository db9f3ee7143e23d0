package io.github.discordgateway.transport.compression;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBufferTests {

	@Test
	void startsSmallDoublesAndStopsAtTheMaximum() {
		MessageBuffer buffer = new MessageBuffer(100_000);
		assertThat(buffer.array()).hasSize(MessageBuffer.INITIAL_CAPACITY);
		buffer.write(ByteBuffer.allocate(MessageBuffer.INITIAL_CAPACITY + 1));
		assertThat(buffer.array()).hasSize(2 * MessageBuffer.INITIAL_CAPACITY);
		buffer.write(ByteBuffer.allocate(40_000 - buffer.length()));
		assertThat(buffer.array()).hasSize(4 * MessageBuffer.INITIAL_CAPACITY);
		buffer.write(ByteBuffer.allocate(100_000 - buffer.length()));
		assertThat(buffer.array()).hasSize(100_000);
		assertThat(buffer.isOverflowed()).isFalse();
		buffer.write(ByteBuffer.allocate(1));
		assertThat(buffer.isOverflowed()).isTrue();
		assertThat(buffer.array()).hasSize(100_000);
		assertThat(buffer.length()).isEqualTo(100_000);
		assertThat(buffer.size()).isEqualTo(100_001);
	}

	@Test
	void keepsModestBuffersAndDropsLargeOnesOnClear() {
		MessageBuffer buffer = new MessageBuffer(1 << 20);
		buffer.write(ByteBuffer.allocate(MessageBuffer.RETAINED_CAPACITY));
		buffer.clear();
		assertThat(buffer.array()).hasSize(MessageBuffer.RETAINED_CAPACITY);
		buffer.write(ByteBuffer.allocate(MessageBuffer.RETAINED_CAPACITY + 1));
		buffer.clear();
		assertThat(buffer.length()).isZero();
		assertThat(buffer.array()).hasSize(MessageBuffer.INITIAL_CAPACITY);
	}

	@Test
	void keepsTheStartOfAMessageOverTheMaximumAndCountsTheRest() {
		MessageBuffer buffer = new MessageBuffer(10);
		assertThat(buffer.array()).hasSize(10);
		for (int i = 0; i < 10; i++) {
			buffer.append((byte) i);
		}
		assertThat(buffer.isOverflowed()).isFalse();
		buffer.append((byte) 10);
		buffer.write(ByteBuffer.allocate(1000));
		buffer.advance(0);
		assertThat(buffer.isOverflowed()).isTrue();
		assertThat(buffer.size()).isEqualTo(1011);
		assertThat(buffer.array()).hasSize(10).startsWith((byte) 0, (byte) 1, (byte) 2);
		assertThat(buffer.writeArray()).isNotSameAs(buffer.array());
		buffer.clear();
		assertThat(buffer.isOverflowed()).isFalse();
		assertThat(buffer.size()).isZero();
		buffer.append((byte) 7);
		assertThat(buffer.array()[0]).isEqualTo((byte) 7);
	}

}
