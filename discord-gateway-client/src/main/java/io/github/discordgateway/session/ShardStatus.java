package io.github.discordgateway.session;

/**
 * A snapshot of a shard: its state and why it is in it.
 *
 * @param shardId the shard
 * @param state where its session stands
 * @param lastCloseCode the code of the last close the shard did not start, or {@code null} if none yet
 * @param reason why the shard is not ready (what to fix when {@link ShardState#FATAL}), or {@code null}
 * @param failedAttempts connection attempts that failed in a row (reset on READY or RESUMED)
 * @param stuckListener the event a listener has been busy with past the stuck listener threshold, and since
 * when, or {@code null}
 */
public record ShardStatus(int shardId, ShardState state, Integer lastCloseCode, String reason, int failedAttempts,
		StuckListener stuckListener) {

	/**
	 * A status without a stuck listener.
	 */
	public ShardStatus(int shardId, ShardState state, Integer lastCloseCode, String reason, int failedAttempts) {
		this(shardId, state, lastCloseCode, reason, failedAttempts, null);
	}

	public boolean isReady() {
		return this.state == ShardState.READY;
	}

	/**
	 * Whether the session is ready and its listener keeps up (none is {@linkplain #stuckListener() stuck}).
	 */
	public boolean isHealthy() {
		return isReady() && this.stuckListener == null;
	}

}
