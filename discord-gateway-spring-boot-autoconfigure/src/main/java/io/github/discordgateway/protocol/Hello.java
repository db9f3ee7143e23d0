package io.github.discordgateway.protocol;

/**
 * The data of Hello (op 10), the first message on every connection.
 *
 * @param heartbeatInterval milliseconds between heartbeats
 */
public record Hello(long heartbeatInterval) {
}
