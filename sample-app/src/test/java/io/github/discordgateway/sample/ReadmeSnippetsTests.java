package io.github.discordgateway.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Quick start bot and "Testing your bot" test are this module's {@link PingBot} and
 * {@link PingBotTests}, word for word, so the README cannot drift from code that compiles and passes.
 */
class ReadmeSnippetsTests {

	private static final Path README = Path.of("..", "README.md");

	private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "discordgateway", "sample");

	private static final Path TESTS = Path.of("src", "test", "java", "io", "github", "discordgateway", "sample");

	@Test
	void quickStartBotIsThePingBot() throws IOException {
		assertThat(Files.readString(SOURCES.resolve("PingBot.java"))).contains(javaBlockOfSection("## Quick start"));
	}

	@Test
	void testingYourBotTestIsThePingBotTests() throws IOException {
		assertThat(Files.readString(TESTS.resolve("PingBotTests.java")))
			.contains(javaBlockOfSection("## Testing your bot"));
	}

	/** The first Java code block of a README section, with its imports. */
	private static String javaBlockOfSection(String heading) throws IOException {
		String readme = Files.readString(README);
		int start = readme.indexOf("\n" + heading + "\n");
		assertThat(start).as("README section %s", heading).isNotNegative();
		int end = readme.indexOf("\n## ", start + heading.length() + 1);
		String section = readme.substring(start, (end != -1) ? end : readme.length());
		Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
		assertThat(block.find()).as("a Java block in %s", heading).isTrue();
		String code = block.group(1);
		assertThat(code).as("the block of %s starts with its imports", heading).startsWith("import ");
		return code;
	}

}
