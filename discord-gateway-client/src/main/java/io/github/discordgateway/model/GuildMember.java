package io.github.discordgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * GUILD_MEMBER_ADD and GUILD_MEMBER_UPDATE: a member object with an extra {@code guild_id}.
 *
 * @param guildId the guild the member belongs to
 * @param member the member, read from the same JSON object
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GuildMember(Snowflake guildId, @JsonUnwrapped Member member) {
}
