package io.github.discordgateway.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import io.github.discordgateway.model.BotActivity;
import io.github.discordgateway.model.BotPresence;
import io.github.discordgateway.model.Snowflake;
import io.github.discordgateway.model.VoiceStateRequest;
import io.github.discordgateway.protocol.Opcode;
import io.github.discordgateway.protocol.UpdatePresence;
import io.github.discordgateway.session.EncodedCommand;
import io.github.discordgateway.session.Shard;
import io.github.discordgateway.sharding.ShardManager;
import io.github.discordgateway.sharding.ShardRouter;

/**
 * What a bot sends on the gateway. Commands about a guild go to the shard that carries it
 * ({@code (guild_id >> 22) % shard_count}); each waits until its shard's session is ready and the rate limit
 * allows, and the returned future completes once it is on the wire (on the client's callback thread, never on
 * the socket's or the heartbeat's). A payload over 4096 bytes is refused at once
 * with {@link io.github.discordgateway.transport.PayloadTooLargeException}.
 * <p>
 * Never block a gateway event listener on one of these futures: compose with {@code thenAccept} instead.
 * <p>
 * The typed methods take ids as {@link Snowflake}s and presence and voice state as records
 * ({@link BotPresence}, {@link VoiceStateRequest}); the methods taking the wire records
 * ({@link UpdatePresence}, {@link UpdateVoiceState}, ...) send exactly what they are given.
 *
 * @since 0.1.0
 */
public final class DiscordGateway {

	private final ShardManager shards;

	private final GuildMemberRequests memberRequests;

	public DiscordGateway(ShardManager shards, GuildMemberRequests memberRequests) {
		this.shards = shards;
		this.memberRequests = memberRequests;
	}

	/**
	 * Changes the bot's presence on every shard this process runs (Discord allows 5 per 20 s per shard).
	 */
	public CompletableFuture<Void> updatePresence(BotPresence presence) {
		List<UpdatePresence.Activity> activities = presence.activities()
			.stream()
			.map(DiscordGateway::activity)
			.toList();
		Long since = (presence.idleSince() != null) ? presence.idleSince().toEpochMilli() : null;
		return updatePresence(new UpdatePresence(since, activities, presence.status().value(), presence.afk()));
	}

	private static UpdatePresence.Activity activity(BotActivity activity) {
		return new UpdatePresence.Activity(activity.name(), activity.type().value(), activity.state(), activity.url());
	}

	/**
	 * Joins, moves or leaves a voice channel.
	 */
	public CompletableFuture<Void> updateVoiceState(VoiceStateRequest request) {
		return updateVoiceState(new UpdateVoiceState(request.guildId().toString(),
				(request.channelId() != null) ? request.channelId().toString() : null, request.selfMute(),
				request.selfDeaf()));
	}

	/**
	 * Joins (or moves to) a voice channel, neither muted nor deafened.
	 */
	public CompletableFuture<Void> joinVoiceChannel(Snowflake guildId, Snowflake channelId) {
		return updateVoiceState(VoiceStateRequest.join(guildId, channelId));
	}

	/**
	 * Leaves the guild's voice channel.
	 */
	public CompletableFuture<Void> leaveVoiceChannel(Snowflake guildId) {
		return updateVoiceState(VoiceStateRequest.leave(guildId));
	}

	/**
	 * Requests every member of a guild (needs the GUILD_MEMBERS intent; Discord allows one such request per guild
	 * every 30 s); see {@link #requestGuildMembers(RequestGuildMembers)}.
	 */
	public CompletableFuture<GuildMembers> requestAllMembers(Snowflake guildId) {
		return requestGuildMembers(RequestGuildMembers.all(guildId));
	}

	/**
	 * Requests members of a guild by user id (at most 100); ids that are no members come back as
	 * {@link GuildMembers#notFound()}.
	 */
	public CompletableFuture<GuildMembers> requestMembers(Snowflake guildId, Collection<Snowflake> userIds) {
		return requestGuildMembers(RequestGuildMembers.byUserIds(guildId.toString(),
				userIds.stream().map(Snowflake::toString).toList()));
	}

	/**
	 * Requests the members of a guild whose username starts with a prefix (at most {@code limit}, up to 100).
	 */
	public CompletableFuture<GuildMembers> requestMembersByPrefix(Snowflake guildId, String prefix, int limit) {
		return requestGuildMembers(RequestGuildMembers.byUsernamePrefix(guildId.toString(), prefix, limit));
	}

	/**
	 * Requests the soundboard sounds of guilds (one SOUNDBOARD_SOUNDS dispatch answers for each).
	 */
	public CompletableFuture<Void> requestSoundboardSounds(Snowflake... guildIds) {
		return requestSoundboardSounds(Arrays.stream(guildIds).map(Snowflake::toString).toList());
	}

	/**
	 * Requests the status and voice start time of a guild's channels (a CHANNEL_INFO dispatch answers).
	 */
	public CompletableFuture<Void> requestChannelInfo(Snowflake guildId) {
		return requestChannelInfo(RequestChannelInfo.allFields(guildId));
	}

	/**
	 * Changes the bot's presence on every shard this process runs (Discord allows 5 per 20 s per shard).
	 */
	public CompletableFuture<Void> updatePresence(UpdatePresence presence) {
		List<CompletableFuture<Void>> sends = new ArrayList<>();
		for (int shardId : runningShardIds()) {
			sends.add(this.shards.shard(shardId).send(Opcode.PRESENCE_UPDATE, presence));
		}
		return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
	}

	/**
	 * Joins, moves or leaves a voice channel.
	 */
	public CompletableFuture<Void> updateVoiceState(UpdateVoiceState voiceState) {
		return shardFor(voiceState.guildId()).send(Opcode.VOICE_STATE_UPDATE, voiceState);
	}

	/**
	 * Requests guild members and gathers every GUILD_MEMBERS_CHUNK that answers it.
	 * @return the members; fails with {@link GatewayRateLimitedException} if Discord refuses, or a
	 * {@link java.util.concurrent.TimeoutException} if no answer comes in time
	 */
	public CompletableFuture<GuildMembers> requestGuildMembers(RequestGuildMembers request) {
		Shard shard = shardFor(request.guildId());
		RequestGuildMembers withNonce = request.withNonce(GuildMemberRequests.newNonce());
		// Checked before anything is registered: a refused request leaves no nonce nor timer behind.
		EncodedCommand command = shard.encode(Opcode.REQUEST_GUILD_MEMBERS, withNonce);
		CompletableFuture<GuildMembers> result = new CompletableFuture<>();
		this.memberRequests.register(withNonce, result);
		shard.send(command).whenComplete((sent, failure) -> {
			if (failure != null) {
				result.completeExceptionally(failure);
			}
		});
		return result;
	}

	/**
	 * Requests the soundboard sounds of guilds; each shard asks for the guilds it carries. Every shard's command is
	 * checked before any is queued: when one is refused (a guild this process does not carry, a payload over 4096
	 * bytes), none is sent.
	 */
	public CompletableFuture<Void> requestSoundboardSounds(Collection<String> guildIds) {
		Map<Shard, List<String>> byShard = new TreeMap<>(Comparator.comparingInt(Shard::shardId));
		for (String guildId : guildIds) {
			byShard.computeIfAbsent(shardFor(guildId), (shard) -> new ArrayList<>()).add(guildId);
		}
		Map<Shard, EncodedCommand> commands = new LinkedHashMap<>();
		byShard.forEach((shard, ids) -> commands.put(shard,
				shard.encode(Opcode.REQUEST_SOUNDBOARD_SOUNDS, new RequestSoundboardSounds(ids))));
		List<CompletableFuture<Void>> sends = new ArrayList<>();
		commands.forEach((shard, command) -> sends.add(shard.send(command)));
		return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
	}

	/**
	 * Requests ephemeral channel data (voice status, voice start time) of a guild.
	 */
	public CompletableFuture<Void> requestChannelInfo(RequestChannelInfo request) {
		return shardFor(request.guildId()).send(Opcode.REQUEST_CHANNEL_INFO, request);
	}

	private Shard shardFor(String guildId) {
		int count = this.shards.shardCount();
		if (count == 0) {
			throw new IllegalStateException("The gateway has not started its shards yet");
		}
		int shardId = ShardRouter.shardFor(Long.parseUnsignedLong(guildId), count);
		Shard shard = this.shards.shard(shardId);
		if (shard == null) {
			throw new IllegalStateException("Guild " + guildId + " is carried by shard " + shardId
					+ ", which this process does not run");
		}
		return shard;
	}

	private List<Integer> runningShardIds() {
		return this.shards.statuses().stream().map((status) -> status.shardId()).toList();
	}

}
