package io.github.discordgateway.command;

import java.util.List;

/**
 * The data of Request Soundboard Sounds (op 31); Discord answers with one SOUNDBOARD_SOUNDS dispatch per guild.
 *
 * @param guildIds the guilds
 */
public record RequestSoundboardSounds(List<String> guildIds) {
}
