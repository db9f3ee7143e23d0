package io.github.discordgateway.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers the commands a ready session sends about guilds, as Discord does (GATEWAY.md section 14): Request Guild
 * Members (op 8) with GUILD_MEMBERS_CHUNKs or RATE_LIMITED, Request Soundboard Sounds (op 31) with
 * SOUNDBOARD_SOUNDS, Request Channel Info (op 43) with CHANNEL_INFO. Guilds the bot is not in, or that another
 * shard carries, get no answer. A malformed command closes with 4001.
 * <p>
 * Where the docs are silent the simulator chooses: a request for all members without the GUILD_MEMBERS intent
 * gets no answer (the client times out), {@code user_ids} beyond the first 100 are ignored, {@code not_found} is
 * in the first chunk only, and the guild has no voice channels, so CHANNEL_INFO lists none.
 */
final class SessionCommands {

	static final int MEMBERS_PER_CHUNK = 1000;

	static final int MAX_QUERY_RESULTS = 100;

	static final int NONCE_MAX_BYTES = 32;

	static final long ALL_MEMBERS_WINDOW_NANOS = 30_000_000_000L;

	/** What {@link #answer} returns when the command was fine. */
	static final int ANSWERED = 0;

	private static final Set<String> CHANNEL_INFO_FIELDS = Set.of("status", "voice_start_time");

	private final SimulatorOptions options;

	/** Per guild, when the last request for all its members was answered. */
	private final Map<String, Long> lastAllMembersRequest = new ConcurrentHashMap<>();

	SessionCommands(SimulatorOptions options) {
		this.options = options;
	}

	/**
	 * Answers op 8, 31 or 43 on the session.
	 * @return {@link #ANSWERED}, or the close code for a malformed command
	 */
	int answer(int op, JsonNode d, SessionState session) {
		return switch (op) {
			case 8 -> requestGuildMembers(d, session);
			case 31 -> requestSoundboardSounds(d, session);
			case 43 -> requestChannelInfo(d, session);
			default -> ANSWERED;
		};
	}

	private int requestGuildMembers(JsonNode d, SessionState session) {
		JsonNode query = d.get("query");
		JsonNode userIds = d.get("user_ids");
		JsonNode limit = d.get("limit");
		boolean byQuery = query != null && !query.isNull();
		boolean byIds = userIds != null && !userIds.isNull();
		if (!d.path("guild_id").isString() || byQuery == byIds || (byQuery && !query.isString())
				|| (byQuery && (limit == null || !limit.isIntegralNumber() || limit.intValue() < 0))
				|| (byIds && !isIdList(userIds)) || (d.has("nonce") && !d.get("nonce").isString())) {
			return CloseCodes.UNKNOWN_OPCODE;
		}
		Optional<SimulatedGuild> guild = guildOf(d.get("guild_id").asString(), session);
		if (guild.isEmpty()) {
			return ANSWERED;
		}
		String nonce = d.path("nonce").asString(null);
		if (nonce != null && nonce.getBytes(StandardCharsets.UTF_8).length > NONCE_MAX_BYTES) {
			nonce = null;
		}
		boolean presences = d.path("presences").asBoolean(false)
				&& (session.intents() & Intents.GUILD_PRESENCES) != 0;
		List<SimulatedMember> members = new ArrayList<>();
		members.add(new SimulatedMember(this.options.botUser().id(), this.options.botUser().username(), "online"));
		members.addAll(guild.get().members());
		List<SimulatedMember> found = new ArrayList<>();
		List<String> notFound = new ArrayList<>();
		if (byIds) {
			for (String id : ids(userIds)) {
				members.stream()
					.filter((member) -> member.userId().equals(id))
					.findFirst()
					.ifPresentOrElse(found::add, () -> notFound.add(id));
			}
		}
		else if (query.asString().isEmpty() && limit.intValue() == 0) {
			if ((session.intents() & Intents.GUILD_MEMBERS) == 0) {
				return ANSWERED;
			}
			long now = System.nanoTime();
			Long last = this.lastAllMembersRequest.get(guild.get().id());
			if (last != null && now - last < ALL_MEMBERS_WINDOW_NANOS) {
				session.dispatch("RATE_LIMITED",
						Payloads.rateLimited(8, (ALL_MEMBERS_WINDOW_NANOS - (now - last)) / 1e9, guild.get().id(), nonce));
				return ANSWERED;
			}
			this.lastAllMembersRequest.put(guild.get().id(), now);
			found.addAll(members);
		}
		else {
			String prefix = query.asString().toLowerCase(Locale.ROOT);
			int max = (limit.intValue() == 0) ? MAX_QUERY_RESULTS : Math.min(limit.intValue(), MAX_QUERY_RESULTS);
			members.stream()
				.filter((member) -> member.username().toLowerCase(Locale.ROOT).startsWith(prefix))
				.limit(max)
				.forEach(found::add);
		}
		sendChunks(session, guild.get().id(), found, byIds ? notFound : null, presences, nonce);
		return ANSWERED;
	}

	private void sendChunks(SessionState session, String guildId, List<SimulatedMember> found, List<String> notFound,
			boolean presences, String nonce) {
		int chunkCount = Math.max(1, (found.size() + MEMBERS_PER_CHUNK - 1) / MEMBERS_PER_CHUNK);
		for (int index = 0; index < chunkCount; index++) {
			List<SimulatedMember> chunk = found.subList(index * MEMBERS_PER_CHUNK,
					Math.min(found.size(), (index + 1) * MEMBERS_PER_CHUNK));
			ObjectNode d = Json.MAPPER.createObjectNode();
			d.put("guild_id", guildId);
			ArrayNode members = d.putArray("members");
			chunk.forEach((member) -> members.add(member(member)));
			d.put("chunk_index", index);
			d.put("chunk_count", chunkCount);
			if (notFound != null && index == 0) {
				ArrayNode ids = d.putArray("not_found");
				notFound.forEach(ids::add);
			}
			if (presences) {
				ArrayNode list = d.putArray("presences");
				chunk.forEach((member) -> list.add(presence(member)));
			}
			if (nonce != null) {
				d.put("nonce", nonce);
			}
			session.dispatch("GUILD_MEMBERS_CHUNK", d);
		}
	}

	private ObjectNode member(SimulatedMember member) {
		ObjectNode user = Json.MAPPER.createObjectNode();
		user.put("id", member.userId());
		user.put("username", member.username());
		user.put("discriminator", "0");
		user.put("global_name", member.username());
		user.putNull("avatar");
		if (member.userId().equals(this.options.botUser().id())) {
			user.put("bot", true);
		}
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.set("user", user);
		node.putNull("nick");
		node.putNull("avatar");
		node.putArray("roles");
		node.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
		node.putNull("premium_since");
		node.put("deaf", false).put("mute", false).put("flags", 0).put("pending", false);
		return node;
	}

	private static ObjectNode presence(SimulatedMember member) {
		ObjectNode presence = Json.MAPPER.createObjectNode();
		presence.putObject("user").put("id", member.userId());
		presence.put("status", member.status());
		presence.putArray("activities");
		ObjectNode clientStatus = presence.putObject("client_status");
		if (!member.status().equals("offline")) {
			clientStatus.put("desktop", member.status());
		}
		return presence;
	}

	private int requestSoundboardSounds(JsonNode d, SessionState session) {
		JsonNode guildIds = d.get("guild_ids");
		if (guildIds == null || !guildIds.isArray() || !isIdList(guildIds)) {
			return CloseCodes.UNKNOWN_OPCODE;
		}
		for (String guildId : new LinkedHashSet<>(ids(guildIds))) {
			guildOf(guildId, session).ifPresent((guild) -> {
				ObjectNode sounds = Json.MAPPER.createObjectNode();
				sounds.put("guild_id", guild.id());
				sounds.putArray("soundboard_sounds");
				session.dispatch("SOUNDBOARD_SOUNDS", sounds);
			});
		}
		return ANSWERED;
	}

	private int requestChannelInfo(JsonNode d, SessionState session) {
		JsonNode fields = d.get("fields");
		if (!d.path("guild_id").isString() || fields == null || !fields.isArray() || fields.isEmpty()) {
			return CloseCodes.UNKNOWN_OPCODE;
		}
		for (JsonNode field : fields) {
			if (!field.isString() || !CHANNEL_INFO_FIELDS.contains(field.asString())) {
				return CloseCodes.UNKNOWN_OPCODE;
			}
		}
		guildOf(d.get("guild_id").asString(), session).ifPresent((guild) -> {
			ObjectNode info = Json.MAPPER.createObjectNode();
			info.put("guild_id", guild.id());
			info.putArray("channels");
			session.dispatch("CHANNEL_INFO", info);
		});
		return ANSWERED;
	}

	/** The guild, if the bot is in it and the session's shard carries it. */
	private Optional<SimulatedGuild> guildOf(String guildId, SessionState session) {
		return this.options.guilds()
			.stream()
			.filter((guild) -> guild.id().equals(guildId))
			.filter((guild) -> session.shard() == null || session.shard().holds(guild.id()))
			.findFirst();
	}

	/** A snowflake, or an array of them (user_ids may be either). */
	private static boolean isIdList(JsonNode ids) {
		if (ids.isString()) {
			return true;
		}
		if (!ids.isArray()) {
			return false;
		}
		for (JsonNode id : ids) {
			if (!id.isString()) {
				return false;
			}
		}
		return true;
	}

	private static List<String> ids(JsonNode ids) {
		if (ids.isString()) {
			return List.of(ids.asString());
		}
		List<String> list = new ArrayList<>();
		ids.forEach((id) -> list.add(id.asString()));
		return (list.size() > MAX_QUERY_RESULTS) ? list.subList(0, MAX_QUERY_RESULTS) : list;
	}

}
