package io.github.discordgateway.session;

import java.time.Duration;
import java.time.Instant;

/**
 * What a shard's connection has been doing, for health and metrics: its heartbeat, its latest ACK and dispatch,
 * and what the watchdogs make of them.
 *
 * @param heartbeatInterval the interval of the current connection's Hello, or {@code null} before the first
 * @param latency the round trip of the last acknowledged heartbeat, or {@code null} before the first
 * @param lastDispatchAt when the last dispatch arrived, or {@code null} if none yet
 * @param lastAckAt when the last heartbeat ACK arrived, or {@code null} if none yet
 * @param sinceLastDispatch how long ago the last dispatch arrived, or {@code null} if none yet
 * @param sinceLastAck how long ago the last heartbeat ACK arrived, or {@code null} if none yet
 * @param heartbeatOverdue whether the shard is connected but no ACK arrived for two heartbeat intervals (its
 * heartbeats stopped, or they go unanswered), or none has since a connection was given up as a zombie
 * @param dispatchSilent whether the session is ready and ACKs arrive, but no dispatch has for
 * {@link DispatchWatchdog#silence()} ("connected but deaf"); always {@code false} when that watchdog is off
 * @param lastCloseReason why the last connection the shard did not close ended, or {@code null} if none did
 */
public record ShardActivity(Duration heartbeatInterval, Duration latency, Instant lastDispatchAt, Instant lastAckAt,
		Duration sinceLastDispatch, Duration sinceLastAck, boolean heartbeatOverdue, boolean dispatchSilent,
		String lastCloseReason) {

	/**
	 * Whether the shard's connection looks alive: neither its heartbeat is overdue nor is it deaf.
	 */
	public boolean isHealthy() {
		return !this.heartbeatOverdue && !this.dispatchSilent;
	}

}
