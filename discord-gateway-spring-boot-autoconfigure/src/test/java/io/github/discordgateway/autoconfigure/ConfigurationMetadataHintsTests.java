package io.github.discordgateway.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.protocol.Intent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata the configuration processor generates (with the hints merged in) from this module's classes.
 */
class ConfigurationMetadataHintsTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	@Test
	void intentsHintListsEveryIntentAndMarksThePrivilegedOnes() throws IOException {
		Map<String, String> values = hintValues("discord.gateway.intents");
		assertThat(values).hasSize(21);
		assertThat(values.keySet())
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(Intent.values()).map(Intent::name).toList());
		for (Intent intent : Intent.values()) {
			assertThat(values.get(intent.name()).startsWith("Privileged")).as(intent.name())
				.isEqualTo(intent.privileged());
		}
	}

	@Test
	void compressionHintListsTheThreeModes() throws IOException {
		assertThat(hintValues("discord.gateway.compression")).containsOnlyKeys("zlib-stream", "zstd-stream", "none")
			.allSatisfy((value, description) -> assertThat(description).isNotBlank());
	}

	@Test
	void healthIndicatorSwitchIsDescribed() throws IOException {
		JsonNode property = property("management.health.discordgateway.enabled");
		assertThat(property.get("type").asString()).isEqualTo("java.lang.Boolean");
		assertThat(property.get("defaultValue").asBoolean()).isTrue();
	}

	@Test
	void presenceAfkDefaultsToFalse() throws IOException {
		JsonNode afk = property("discord.gateway.presence.afk");
		assertThat(afk.has("defaultValue")).isTrue();
		assertThat(afk.get("defaultValue").asBoolean()).isFalse();
	}

	private static JsonNode property(String name) throws IOException {
		return StreamSupport.stream(ownMetadata().get("properties").spliterator(), false)
			.filter((candidate) -> name.equals(candidate.get("name").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No metadata for " + name));
	}

	private static Map<String, String> hintValues(String property) throws IOException {
		JsonNode hint = StreamSupport.stream(ownMetadata().get("hints").spliterator(), false)
			.filter((candidate) -> property.equals(candidate.get("name").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No hint for " + property));
		return StreamSupport.stream(hint.get("values").spliterator(), false)
			.collect(Collectors.toMap((value) -> value.get("value").asString(),
					(value) -> value.get("description").asString()));
	}

	// Jars on the class path carry their own metadata: read the file compiled from this module (target/classes).
	private static JsonNode ownMetadata() throws IOException {
		URL url = Collections.list(ConfigurationMetadataHintsTests.class.getClassLoader().getResources(METADATA))
			.stream()
			.filter((candidate) -> "file".equals(candidate.getProtocol()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No generated " + METADATA + " in target/classes"));
		try (InputStream in = url.openStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
