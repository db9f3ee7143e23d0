package io.github.discordgateway.event;

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;

/**
 * Makes the event object for each dispatch.
 */
@FunctionalInterface
public interface DispatchEventFactory {

	/**
	 * @param name the event name
	 * @param shardId the shard that received it
	 * @param sequence its sequence number
	 * @param replayed whether a resume replayed it
	 * @param data its undecoded data
	 */
	DispatchEvent create(String name, int shardId, long sequence, boolean replayed, RawJson data);

	/**
	 * Every dispatch as a plain {@link DispatchEvent}.
	 */
	static DispatchEventFactory generic(GatewayJson json) {
		return (name, shardId, sequence, replayed, data) -> new DispatchEvent(name, shardId, sequence, replayed, data,
				json);
	}

}
