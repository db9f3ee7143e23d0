package io.github.discordgateway.protocol;

/**
 * Gateway opcodes (API v10), as listed in {@code gateway-v10.json}.
 */
public enum Opcode {

	DISPATCH(0), HEARTBEAT(1), IDENTIFY(2), PRESENCE_UPDATE(3), VOICE_STATE_UPDATE(4), RESUME(6), RECONNECT(7),
	REQUEST_GUILD_MEMBERS(8), INVALID_SESSION(9), HELLO(10), HEARTBEAT_ACK(11), REQUEST_SOUNDBOARD_SOUNDS(31),
	REQUEST_CHANNEL_INFO(43);

	private final int code;

	Opcode(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

}
