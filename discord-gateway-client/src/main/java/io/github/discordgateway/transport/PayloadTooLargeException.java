package io.github.discordgateway.transport;

/**
 * Thrown instead of sending a gateway payload that is over Discord's size limit; the gateway
 * would close the connection (4002) on receiving it. The payload is not sent.
 */
public final class PayloadTooLargeException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final int size;

	private final int limit;

	private final int opcode;

	PayloadTooLargeException(int size, int limit, int opcode) {
		super("The gateway payload for opcode " + opcode + " is " + size + " bytes (UTF-8), over Discord's limit of "
				+ limit + " bytes; it was not sent");
		this.size = size;
		this.limit = limit;
		this.opcode = opcode;
	}

	/** @return the encoded payload size in bytes */
	public int size() {
		return this.size;
	}

	/** @return the largest payload size allowed, in bytes */
	public int limit() {
		return this.limit;
	}

	/** @return the opcode of the refused payload */
	public int opcode() {
		return this.opcode;
	}

}
