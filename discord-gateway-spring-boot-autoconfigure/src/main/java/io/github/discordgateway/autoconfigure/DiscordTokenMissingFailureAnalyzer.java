package io.github.discordgateway.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing bot token and how to set it.
 */
class DiscordTokenMissingFailureAnalyzer extends AbstractFailureAnalyzer<DiscordTokenMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DiscordTokenMissingException cause) {
		return new FailureAnalysis("The Discord gateway is enabled but no bot token is configured (a '${...}' placeholder that "
						+ "did not resolve counts as none).",
				"Set the DISCORD_TOKEN environment variable (or 'discord.token', for example in application.yml) "
						+ "to your bot's token from the Discord developer portal (Bot > Token), "
						+ "or set 'discord.gateway.enabled=false' to run without connecting to Discord.",
				cause);
	}

}
