package io.github.discordgateway.test.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a GUILD_MEMBER_ADD (a user joins the simulated guild) and dispatches it. Discord sends it only to bots
 * that identified with the privileged GUILD_MEMBERS intent, and so does the simulator: enable it with
 * {@code @EnableGatewaySimulator(privilegedIntents = Intent.GUILD_MEMBERS)} and ask for it in
 * {@code discord.gateway.intents}.
 *
 * @since 0.1.0
 */
public final class GuildMemberBuilder {

	private final SimulatedDiscord discord;

	private final String userId;

	private final String username;

	private final List<String> roleIds = new ArrayList<>();

	private boolean bot;

	GuildMemberBuilder(SimulatedDiscord discord, String userId, String username) {
		this.discord = discord;
		this.userId = userId;
		this.username = username;
	}

	/** Gives the member roles. */
	public GuildMemberBuilder withRoles(String... roleIds) {
		this.roleIds.addAll(List.of(roleIds));
		return this;
	}

	/** Makes the member a bot. */
	public GuildMemberBuilder bot() {
		this.bot = true;
		return this;
	}

	/** The member data, as the dispatch carries it. */
	public Map<String, Object> data() {
		Map<String, Object> member = KitPayloads.member(KitPayloads.user(this.userId, this.username, this.bot),
				this.roleIds);
		member.put("guild_id", this.discord.guild().id());
		return member;
	}

	/**
	 * Dispatches it on the bot's session.
	 * @return the sequence it got, or {@code -1} if the bot's intents exclude it
	 */
	public long send() {
		return this.discord.dispatch("GUILD_MEMBER_ADD", data());
	}

}
