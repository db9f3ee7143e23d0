package io.github.discordgateway.autoconfigure.actuate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.github.discordgateway.autoconfigure.DiscordConnectionDetails;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that keeps the bot token out of actuator's endpoints
 * (env, configprops and any other that sanitizes), whatever their {@code show-values} setting.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class DiscordTokenSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DiscordTokenSanitizingFunction discordTokenSanitizingFunction(Environment environment,
			ObjectProvider<DiscordConnectionDetails> connectionDetails) {
		return new DiscordTokenSanitizingFunction(() -> {
			// The configured token, or the one connection details give when properties hold none.
			String token = environment.getProperty("discord.token");
			if (token == null) {
				DiscordConnectionDetails details = connectionDetails.getIfUnique();
				token = (details != null) ? details.getToken() : null;
			}
			return token;
		});
	}

}
