package io.github.discordgateway.session;

import java.time.Duration;
import java.time.Instant;

/**
 * A listener busy with one event for longer than the stuck listener threshold. While it is, its shard reads
 * nothing more once the delivery queue is full, and zombie detection cannot tell a dead connection from the
 * paused reader: the shard is not healthy, whatever its state says.
 *
 * @param shardId the shard whose listener is stuck
 * @param event the name of the event the listener is busy with
 * @param sequence that event's sequence
 * @param since when the listener got the event
 */
public record StuckListener(int shardId, String event, long sequence, Instant since) {

	/**
	 * How long the listener has been busy with the event at {@code now}.
	 */
	public Duration busyFor(Instant now) {
		return Duration.between(this.since, now);
	}

}
