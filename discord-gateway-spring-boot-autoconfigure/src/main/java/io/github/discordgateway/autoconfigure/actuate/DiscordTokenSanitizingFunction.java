package io.github.discordgateway.autoconfigure.actuate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.util.StringUtils;

/**
 * Masks the bot token wherever actuator shows properties, even with {@code show-values: ALWAYS}: the
 * {@code discord.token} property and the {@code DISCORD_TOKEN} variable by key, any value equal to the token,
 * and the token inside other values (the command line in {@code sun.java.command}, a URL), in its raw form,
 * URL-encoded, and its secret segment (after the last dot).
 *
 * @since 0.1.0
 */
public final class DiscordTokenSanitizingFunction implements SanitizingFunction {

	private static final Set<String> TOKEN_KEYS = Set.of("discord.token", "discord_token", "discord.token[0]");

	/** Shorter forms could be ordinary text; they are masked only as whole values. */
	private static final int MIN_EMBEDDED_LENGTH = 8;

	private final Supplier<String> token;

	/**
	 * @param token the current token, as configured ({@code Bot } prefix allowed), or {@code null}
	 */
	public DiscordTokenSanitizingFunction(Supplier<String> token) {
		this.token = token;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (data.getValue() == null) {
			return data;
		}
		if (isTokenKey(data.getKey())) {
			return data.withSanitizedValue();
		}
		Set<String> forms = forms(this.token.get());
		if (forms.isEmpty()) {
			return data;
		}
		String value = data.getValue().toString();
		if (forms.contains(value.strip()) || forms.contains(strip(value))) {
			return data.withSanitizedValue();
		}
		String masked = value;
		for (String form : forms) {
			if (form.length() >= MIN_EMBEDDED_LENGTH) {
				masked = masked.replace(form, SanitizableData.SANITIZED_VALUE);
			}
		}
		return masked.equals(value) ? data : data.withValue(masked);
	}

	private static boolean isTokenKey(String key) {
		String normalized = key.toLowerCase(Locale.ROOT).replace('-', '_');
		return TOKEN_KEYS.contains(normalized) || normalized.endsWith(".discord.token");
	}

	/**
	 * The forms the token may take in a value, longest first so a shorter one never leaves part of a longer one.
	 */
	private static Set<String> forms(String configured) {
		if (!StringUtils.hasText(configured)) {
			return Set.of();
		}
		String token = strip(configured);
		Set<String> forms = new LinkedHashSet<>();
		forms.add(configured.strip());
		forms.add(token);
		forms.add(URLEncoder.encode(token, StandardCharsets.UTF_8));
		forms.add(URLEncoder.encode("Bot " + token, StandardCharsets.UTF_8));
		int lastDot = token.lastIndexOf('.');
		if (lastDot >= 0 && lastDot < token.length() - 1) {
			String secret = token.substring(lastDot + 1);
			forms.add(secret);
			forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
		}
		return forms.stream()
			.sorted((a, b) -> Integer.compare(b.length(), a.length()))
			.collect(LinkedHashSet::new, Set::add, Set::addAll);
	}

	private static String strip(String token) {
		String stripped = token.strip();
		return stripped.startsWith("Bot ") ? stripped.substring(4).strip() : stripped;
	}

}
