/**
 * Immutable records for the gateway's most used event payloads, decoded by the gateway's own JSON mapper, and
 * for what a bot sends: {@link io.github.discordgateway.model.BotPresence},
 * {@link io.github.discordgateway.model.VoiceStateRequest} (through {@code DiscordGateway}) and
 * {@link io.github.discordgateway.model.InteractionResponse} (over HTTP).
 * <p>
 * Conventions, because Discord sends partial objects often (and Jackson 3 rejects a missing primitive):
 * <ul>
 * <li>Every component is a reference type; a field Discord left out is {@code null}.</li>
 * <li>Fields no record models are ignored; read them from {@code DispatchEvent.getDataNode()}.</li>
 * <li>Ids are {@link io.github.discordgateway.model.Snowflake}s, read from JSON strings or numbers.</li>
 * <li>Integer-coded types (channel, message, interaction, activity and command types) are small value records with
 * named constants; a value this library does not know is kept as is and reports {@code isKnown() == false}.</li>
 * </ul>
 */
package io.github.discordgateway.model;
