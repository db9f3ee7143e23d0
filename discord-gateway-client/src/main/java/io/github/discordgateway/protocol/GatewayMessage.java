package io.github.discordgateway.protocol;

/**
 * One message received from the gateway: the payload envelope with its data left undecoded.
 *
 * @param op the opcode number (kept as a number: the gateway may send ones this client does not know)
 * @param sequence the sequence number, or {@link #NO_SEQUENCE} when {@code s} is null or absent
 * @param type the event name of a Dispatch, {@code null} otherwise
 * @param data the {@code d} value ({@link RawJson#NULL} when null or absent)
 */
public record GatewayMessage(int op, long sequence, String type, RawJson data) {

	/** The sequence of a message whose {@code s} is null: every message that is not a Dispatch. */
	public static final long NO_SEQUENCE = -1;

}
