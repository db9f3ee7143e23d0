package io.github.discordgateway;

import io.github.discordgateway.rest.GatewayBot;
import io.github.discordgateway.session.IdentifyLimiter;
import io.github.discordgateway.sharding.LocalIdentifyLimiter;

/**
 * Makes the identify limiter all of a client's shards share, from the session start limit Discord reports in
 * {@code GET /gateway/bot}. The default limits this process only; bots whose shards run in several processes
 * need one that coordinates them.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface IdentifyLimiterFactory {

	/**
	 * @param limit the session start limit Discord reported
	 * @return the limiter the shards reserve their Identify with
	 */
	IdentifyLimiter create(GatewayBot.SessionStartLimit limit);

	/**
	 * Limits the identifies of this process alone ({@link LocalIdentifyLimiter}).
	 */
	static IdentifyLimiterFactory local() {
		return (limit) -> new LocalIdentifyLimiter(limit, System::nanoTime);
	}

}
