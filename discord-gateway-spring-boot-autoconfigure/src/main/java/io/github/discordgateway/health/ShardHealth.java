package io.github.discordgateway.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.discordgateway.session.Session;
import io.github.discordgateway.session.Shard;
import io.github.discordgateway.session.ShardActivity;
import io.github.discordgateway.session.ShardState;
import io.github.discordgateway.session.ShardStatus;

/**
 * One shard as health and the {@code discordgateway} endpoint show it. Never the token; the session id only
 * shortened.
 *
 * @param shard the shard id
 * @param healthy whether the session is ready and its connection alive: heartbeats acknowledged in time and,
 * with the dispatch watchdog on, not deaf
 * @param state where its session stands
 * @param reason why it is not ready or not healthy, or {@code null}
 * @param latencyMillis the last heartbeat round trip, or {@code null} before the first ACK
 * @param heartbeatIntervalMillis the current connection's heartbeat interval, or {@code null} before Hello
 * @param lastDispatchAt when the last dispatch arrived, or {@code null}
 * @param lastAckAt when the last heartbeat ACK arrived, or {@code null}
 * @param heartbeatOverdue whether no ACK arrived for two heartbeat intervals while connected
 * @param dispatchSilent whether the session is "connected but deaf" (see the dispatch watchdog)
 * @param lastCloseCode the code of the last close the shard did not start, or {@code null}
 * @param lastCloseReason why that connection ended, or {@code null}
 * @param sessionId the session id's first characters, or {@code null} without a session
 * @param failedAttempts connection attempts that failed in a row
 * @since 0.1.0
 */
public record ShardHealth(int shard, boolean healthy, ShardState state, String reason, Long latencyMillis,
		Long heartbeatIntervalMillis, Instant lastDispatchAt, Instant lastAckAt, boolean heartbeatOverdue,
		boolean dispatchSilent, Integer lastCloseCode, String lastCloseReason, String sessionId,
		int failedAttempts) {

	private static final int SESSION_ID_SHOWN = 6;

	/**
	 * The shard as of now.
	 */
	public static ShardHealth of(Shard shard) {
		ShardStatus status = shard.status();
		ShardActivity activity = shard.activity();
		boolean healthy = status.isReady() && activity.isHealthy();
		return new ShardHealth(status.shardId(), healthy, status.state(), reason(status, activity),
				millis(activity.latency()), millis(activity.heartbeatInterval()), activity.lastDispatchAt(),
				activity.lastAckAt(), activity.heartbeatOverdue(), activity.dispatchSilent(), status.lastCloseCode(),
				activity.lastCloseReason(), shortened(shard.session()), status.failedAttempts());
	}

	private static String reason(ShardStatus status, ShardActivity activity) {
		if (activity.heartbeatOverdue()) {
			return "heartbeats overdue: no ACK for " + activity.sinceLastAck() + " (interval "
					+ activity.heartbeatInterval() + ")";
		}
		if (activity.dispatchSilent()) {
			return "connected but deaf: heartbeats are acknowledged, but no dispatch for "
					+ activity.sinceLastDispatch();
		}
		return status.isReady() ? null : status.reason();
	}

	private static Long millis(Duration duration) {
		return (duration != null) ? duration.toMillis() : null;
	}

	private static String shortened(Session session) {
		if (session == null) {
			return null;
		}
		String id = session.sessionId();
		return (id.length() <= SESSION_ID_SHOWN) ? id : id.substring(0, SESSION_ID_SHOWN) + "...";
	}

	/**
	 * The details, without the empty ones, as health shows them.
	 */
	public Map<String, Object> toDetails() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", this.healthy ? "UP" : "DOWN");
		details.put("state", this.state.name());
		putIfPresent(details, "reason", this.reason);
		putIfPresent(details, "latencyMillis", this.latencyMillis);
		putIfPresent(details, "heartbeatIntervalMillis", this.heartbeatIntervalMillis);
		putIfPresent(details, "lastDispatchAt", (this.lastDispatchAt != null) ? this.lastDispatchAt.toString() : null);
		putIfPresent(details, "lastAckAt", (this.lastAckAt != null) ? this.lastAckAt.toString() : null);
		details.put("heartbeatOverdue", this.heartbeatOverdue);
		details.put("dispatchSilent", this.dispatchSilent);
		putIfPresent(details, "lastCloseCode", this.lastCloseCode);
		putIfPresent(details, "lastCloseReason", this.lastCloseReason);
		putIfPresent(details, "sessionId", this.sessionId);
		if (this.failedAttempts > 0) {
			details.put("failedAttempts", this.failedAttempts);
		}
		return details;
	}

	private static void putIfPresent(Map<String, Object> details, String key, Object value) {
		if (value != null) {
			details.put(key, value);
		}
	}

}
