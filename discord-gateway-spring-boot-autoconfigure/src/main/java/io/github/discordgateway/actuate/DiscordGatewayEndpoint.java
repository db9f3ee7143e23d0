package io.github.discordgateway.actuate;

import java.util.List;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import io.github.discordgateway.health.ShardHealth;
import io.github.discordgateway.rest.GatewayBot;
import io.github.discordgateway.session.Shard;
import io.github.discordgateway.sharding.ShardManager;

/**
 * {@code /actuator/discordgateway}: every shard of this process with its state and figures; and, as write
 * operations, a reconnect of one shard that resumes its session ({@code POST .../{shard}/resume}) or identifies
 * anew ({@code POST .../{shard}/identify}). Exposed and secured like every actuator endpoint (not over the web
 * unless {@code management.endpoints.web.exposure.include} names it). Never shows the token.
 *
 * @since 0.1.0
 */
@Endpoint(id = "discordgateway")
public class DiscordGatewayEndpoint {

	private final ShardManager shardManager;

	public DiscordGatewayEndpoint(ShardManager shardManager) {
		this.shardManager = shardManager;
	}

	@ReadOperation
	public GatewayDescriptor gateway() {
		return new GatewayDescriptor(this.shardManager.bootstrapProblem(), this.shardManager.shardCount(),
				this.shardManager.sessionStartLimit(),
				this.shardManager.shards().stream().map(ShardDescriptor::of).toList());
	}

	/**
	 * One shard, or {@code null} (404) if this process does not run it.
	 */
	@ReadOperation
	public ShardDescriptor shard(@Selector int shardId) {
		Shard shard = this.shardManager.shard(shardId);
		return (shard != null) ? ShardDescriptor.of(shard) : null;
	}

	/**
	 * Makes a shard leave its connection and connect again at once.
	 * @param shardId the shard
	 * @param action {@code resume} to resume its session, {@code identify} to end it and identify anew (which
	 * counts against the session start limit)
	 * @return what was done, or {@code null} (404) if this process does not run the shard
	 */
	@WriteOperation
	public ReconnectDescriptor reconnect(@Selector int shardId, @Selector String action) {
		boolean resume = switch (action) {
			case "resume" -> true;
			case "identify" -> false;
			default -> throw new InvalidEndpointRequestException("action must be resume or identify, was " + action,
					"action must be resume or identify");
		};
		if (this.shardManager.shard(shardId) == null) {
			return null;
		}
		return new ReconnectDescriptor(shardId, action, this.shardManager.reconnect(shardId, resume));
	}

	/**
	 * The gateway as this process runs it.
	 *
	 * @param bootstrapProblem what keeps the shards from starting, or {@code null} once they run
	 * @param shardCount the bot's shard count (across processes), or 0 before the bootstrap
	 * @param sessionStartLimit Discord's identify limit as of the bootstrap, or {@code null}
	 * @param shards this process's shards
	 */
	public record GatewayDescriptor(String bootstrapProblem, int shardCount,
			GatewayBot.SessionStartLimit sessionStartLimit, List<ShardDescriptor> shards) {
	}

	/**
	 * One shard's state and figures.
	 *
	 * @param health its state, heartbeat, last events and close (see {@link ShardHealth})
	 * @param queuedEvents dispatches waiting for its listeners
	 * @param lastSequence the sequence of the last dispatch handed to its listeners in this session, or -1
	 */
	public record ShardDescriptor(ShardHealth health, int queuedEvents, long lastSequence) {

		static ShardDescriptor of(Shard shard) {
			return new ShardDescriptor(ShardHealth.of(shard), shard.queue().depth(), shard.lastSequence());
		}

	}

	/**
	 * What a reconnect request did.
	 *
	 * @param shard the shard
	 * @param action {@code resume} or {@code identify}
	 * @param reconnecting whether the shard reconnects ({@code false} while it is stopped)
	 */
	public record ReconnectDescriptor(int shard, String action, boolean reconnecting) {
	}

}
