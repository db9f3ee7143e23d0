package io.github.discordgateway.model;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A user's membership in a guild. The member in MESSAGE_CREATE/UPDATE has no {@code user}: use the author.
 *
 * @param user the user, absent where the payload names it elsewhere
 * @param nick the guild nickname, if set
 * @param avatar the guild avatar hash, if set
 * @param roles the ids of the member's roles
 * @param joinedAt when the user joined the guild
 * @param premiumSince when the user started boosting the guild
 * @param deaf whether the user is server-deafened in voice
 * @param mute whether the user is server-muted in voice
 * @param flags the guild member flags bitfield
 * @param pending whether the user has not yet passed membership screening
 * @param permissions the member's permissions in the channel, sent only inside an interaction
 * @param communicationDisabledUntil when the member's timeout ends (null or past when not timed out)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Member(User user, String nick, String avatar, List<Snowflake> roles, OffsetDateTime joinedAt,
		OffsetDateTime premiumSince, Boolean deaf, Boolean mute, Integer flags, Boolean pending, String permissions,
		OffsetDateTime communicationDisabledUntil) {
}
