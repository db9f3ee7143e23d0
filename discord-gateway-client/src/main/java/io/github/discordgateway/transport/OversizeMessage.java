package io.github.discordgateway.transport;

/**
 * A gateway message the transport skipped because it decompressed to more than the maximum message size. The
 * connection and its session carry on; only this message is lost.
 *
 * @param type the event name, when it could be read from the start of the message, else {@code null}
 * @param sequence the sequence number, when it could be read, else -1
 * @param size the size of the whole message in bytes (decompressed)
 * @param limit the maximum message size in bytes ({@code discord.gateway.max-message-size})
 */
public record OversizeMessage(String type, long sequence, long size, int limit) {
}
