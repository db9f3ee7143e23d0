package io.github.discordgateway.model;


import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A Discord id: an unsigned 64-bit number. JSON carries it as a string, but an echoed id can come back as a number
 * (GATEWAY.md §2), so both are read; it is always written as a string.
 *
 * @param value the id's 64 bits (read them as unsigned)
 */
public record Snowflake(long value) implements Comparable<Snowflake> {

	/** The start of Discord's epoch, 2015-01-01T00:00:00Z, in Unix milliseconds. */
	public static final long DISCORD_EPOCH_MILLIS = 1420070400000L;

	/**
	 * The id with these 64 bits.
	 */
	@JsonCreator
	public static Snowflake of(long value) {
		return new Snowflake(value);
	}

	/**
	 * The id written in decimal, as Discord sends it.
	 * @throws NumberFormatException if the text is not an unsigned 64-bit decimal number
	 */
	@JsonCreator
	public static Snowflake of(String value) {
		return new Snowflake(Long.parseUnsignedLong(value));
	}

	/**
	 * When the id was made: its top 42 bits count milliseconds since the Discord epoch.
	 */
	public Instant timestamp() {
		return Instant.ofEpochMilli((this.value >>> 22) + DISCORD_EPOCH_MILLIS);
	}

	/**
	 * Unsigned order, which for ids made by Discord is creation order.
	 */
	@Override
	public int compareTo(Snowflake other) {
		return Long.compareUnsigned(this.value, other.value);
	}

	/**
	 * The decimal form, as Discord writes it.
	 */
	@JsonValue
	@Override
	public String toString() {
		return Long.toUnsignedString(this.value);
	}

}
