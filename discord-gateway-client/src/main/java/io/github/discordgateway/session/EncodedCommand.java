package io.github.discordgateway.session;

import io.github.discordgateway.protocol.Opcode;

/**
 * A command encoded and checked against the payload limit by {@link Shard#encode}, not queued yet: a caller that
 * sends several commands encodes them all first, so that none is queued when one of them is refused.
 */
public final class EncodedCommand {

	private final Opcode op;

	private final String payload;

	EncodedCommand(Opcode op, String payload) {
		this.op = op;
		this.payload = payload;
	}

	Opcode op() {
		return this.op;
	}

	String payload() {
		return this.payload;
	}

	@Override
	public String toString() {
		return "EncodedCommand[op=" + this.op + ", bytes=" + this.payload.length() + "]";
	}

}
