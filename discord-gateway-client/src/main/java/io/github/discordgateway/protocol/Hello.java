package io.github.discordgateway.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of Hello (op 10), the first message on every connection.
 *
 * @param heartbeatInterval milliseconds between heartbeats
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Hello(long heartbeatInterval) {
}
