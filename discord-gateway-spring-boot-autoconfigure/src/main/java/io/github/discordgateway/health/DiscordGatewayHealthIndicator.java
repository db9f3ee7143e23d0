package io.github.discordgateway.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import io.github.discordgateway.session.ShardStatus;
import io.github.discordgateway.sharding.ShardManager;

/**
 * UP once every shard's session is ready; DOWN otherwise, with each shard's state and, when it is not ready,
 * why.
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
		for (ShardStatus status : this.shardManager.statuses()) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("state", status.state().name());
			if (!status.isReady() && status.reason() != null) {
				detail.put("reason", status.reason());
			}
			if (status.lastCloseCode() != null) {
				detail.put("lastCloseCode", status.lastCloseCode());
			}
			shards.put(String.valueOf(status.shardId()), detail);
		}
		(this.shardManager.isReady() ? builder.up() : builder.down()).withDetail("shards", shards);
	}

}
