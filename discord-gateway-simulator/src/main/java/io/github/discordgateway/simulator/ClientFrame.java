package io.github.discordgateway.simulator;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One WebSocket message a client sent (fragments aggregated), recorded before the simulator reacts to it.
 *
 * @param connectionId id of the {@link GatewayConnection} it arrived on
 * @param receivedNanos {@link System#nanoTime()} at receipt, for measuring intervals
 * @param receivedAt wall-clock time of receipt
 * @param op the payload's {@code op}, or {@link #UNPARSEABLE} when the text is not a JSON object with an
 * integer {@code op} (or the frame was binary)
 * @param text the payload text exactly as received (binary frames decoded as UTF-8)
 */
public record ClientFrame(int connectionId, long receivedNanos, Instant receivedAt, int op, String text) {

	/** The {@link #op()} of a frame whose op could not be read. */
	public static final int UNPARSEABLE = -1;

	/**
	 * Parses the payload.
	 * @return the payload's {@code d} (a null node when {@code d} is null, a missing node when absent)
	 * @throws tools.jackson.core.JacksonException if the text is not JSON
	 */
	public JsonNode d() {
		return Json.MAPPER.readTree(this.text).path("d");
	}

}
