package io.github.discordgateway.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import io.github.discordgateway.session.Shard;
import io.github.discordgateway.sharding.ShardManager;

/**
 * UP once every shard of this process is ready and its connection alive; DOWN otherwise. A ready shard is not
 * UP when its heartbeats go unacknowledged for two intervals (the bot's threads may be blocked, or the connection
 * dead) or, with the dispatch watchdog on, when it is "connected but deaf". Each shard's details are a
 * {@link ShardHealth}.
 *
 * @since 0.1.0
 */
public class DiscordGatewayHealthIndicator extends AbstractHealthIndicator {

	private final ShardManager shardManager;

	public DiscordGatewayHealthIndicator(ShardManager shardManager) {
		super("Discord gateway health check failed");
		this.shardManager = shardManager;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		String problem = this.shardManager.bootstrapProblem();
		if (problem != null) {
			builder.down().withDetail("reason", problem);
			return;
		}
		Map<String, Object> shards = new LinkedHashMap<>();
		boolean allHealthy = true;
		for (Shard shard : this.shardManager.shards()) {
			ShardHealth health = ShardHealth.of(shard);
			allHealthy &= health.healthy();
			Map<String, Object> details = health.toDetails();
			// The stuck-listener report (issue 9) joins each shard's details here.
			shards.put(String.valueOf(health.shard()), details);
		}
		(allHealthy && !shards.isEmpty() ? builder.up() : builder.down()).withDetail("shards", shards);
	}

}
