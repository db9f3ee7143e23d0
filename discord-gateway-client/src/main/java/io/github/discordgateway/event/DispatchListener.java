package io.github.discordgateway.event;

/**
 * Receives a shard's dispatches, one at a time and in sequence order, on that shard's delivery thread (never on
 * the thread that reads the socket).
 */
@FunctionalInterface
public interface DispatchListener {

	void onDispatch(DispatchEvent event);

}
