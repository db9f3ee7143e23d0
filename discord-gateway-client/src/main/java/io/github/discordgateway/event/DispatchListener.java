package io.github.discordgateway.event;

/**
 * Receives a shard's dispatches, one at a time and in sequence order, on a delivery thread of the client's
 * {@link DeliveryExecutor} (never on the thread that reads the socket).
 */
@FunctionalInterface
public interface DispatchListener {

	void onDispatch(DispatchEvent event);

}
