package io.github.discordgateway.protocol;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.event.ProtocolFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte scanner must read every envelope exactly as Jackson does, or step aside.
 */
class EnvelopeScannerTests {

	private final GatewayJson json = new GatewayJson();

	@Test
	void readsTheExamplePayloadsAsJacksonDoes() throws Exception {
		File[] examples = ProtocolFiles.file("payloads")
			.listFiles((dir, name) -> name.endsWith(".json"));
		assertThat(examples).isNotEmpty();
		for (File example : examples) {
			byte[] bytes = Files.readAllBytes(example.toPath());
			assertThat(EnvelopeScanner.scan(bytes, bytes.length)).as(example.getName()).isNotNull();
			assertSameAsJackson(new String(bytes, StandardCharsets.UTF_8));
		}
	}

	@Test
	void readsTrickyButValidEnvelopesAsJacksonDoes() {
		List<String> envelopes = List.of("{\"op\":0,\"s\":7,\"t\":\"X\",\"d\":{\"a\":\"}]\\\"{[\",\"b\":[[],{}]}}",
				" \n{ \"d\" : [1, \"\\\\\", {\"x\":[\"\\\"}\"]}] , \"op\" : 0 , \"s\":1 ,\"t\":\"Y\"}\t",
				"{\"op\":9,\"d\":false}", "{\"op\":1,\"d\":251}", "{\"op\":11}", "{\"op\":7,\"d\":null,\"s\":null,\"t\":null}",
				"{\"op\":0,\"t\":\"MESSAGE_CREATE\",\"s\":3,\"d\":{\"content\":\"h\u00e9llo \u2603 \\u00e9\"}}",
				"{\"op\":0,\"d\":\"text\",\"s\":2,\"t\":\"A\"}");
		envelopes.forEach(this::assertSameAsJackson);
	}

	@Test
	void stepsAsideForWhatItDoesNotVouchFor() {
		List<String> declined = List.of("", "[]", "{}", "{\"op\":-1}", "{\"op\":1.5}", "{\"op\":0,\"t\":\"A\\u0042\"}",
				"{\"o\\u0070\":0}", "{\"op\":0,\"d\":{\"a\":1}", "{\"op\":0,\"d\":{\"a\":\"1}}", "{\"op\":0} x",
				"{\"op\":0,,}", "{\"op\" 0}", "{\"op\":0,\"s\":\"5\"}", "{\"op\":01}", "{\"op\":0,\"s\":007}",
				"{\"op\":0,\"t\":\"A\tB\"}", "{\"op\":0,\"t\":\"\u00e9\"}", "{\"op\":0,\"_trace\":[]}",
				"{\"op\":0,\"t\":\"A\",\"t\":null}", "{\"op\":9,\"d\":\u0018,\"d\":false}");
		for (String envelope : declined) {
			byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
			assertThat(EnvelopeScanner.scan(bytes, bytes.length)).as(envelope).isNull();
		}
	}

	@Test
	void agreesWithJacksonOnGeneratedEnvelopes() {
		Random random = new Random(20261122);
		for (int i = 0; i < 2_000; i++) {
			assertSameAsJackson(envelope(random));
		}
	}

	@Test
	void findsTheEndOfStringsWhereverTheirEscapesAndMultiByteCharactersFall() {
		String[] specials = { "\\\"", "\\\\", "\\u0022", "\u00e9", "\ud83d\ude80", "x" };
		for (int length = 0; length <= 20; length++) {
			for (int position = 0; position <= length; position++) {
				for (String special : specials) {
					String text = "a".repeat(position) + special + "b".repeat(length - position);
					String envelope = "{\"op\":0,\"d\":{\"content\":\"" + text + "\",\"n\":[\"" + text + "\"]},\"s\":"
							+ length + ",\"t\":\"MESSAGE_CREATE\"}";
					byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
					assertThat(EnvelopeScanner.scan(bytes, bytes.length)).as(envelope).isNotNull();
					assertSameAsJackson(envelope);
				}
			}
		}
	}

	@Test
	void answersNothingForAStringThatDoesNotEnd() {
		for (String tail : new String[] { "abc", "abcdefghijklmnop", "abcdefghijklmno\\", "abcdefghijklmnop\\\"" }) {
			byte[] bytes = ("{\"op\":0,\"d\":{\"content\":\"" + tail).getBytes(StandardCharsets.UTF_8);
			assertThat(EnvelopeScanner.scan(bytes, bytes.length)).isNull();
		}
	}

	private void assertSameAsJackson(String envelope) {
		byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
		GatewayMessage scanned = EnvelopeScanner.scan(bytes, bytes.length);
		GatewayMessage parsed = this.json.parseWithJackson(bytes, bytes.length);
		assertThat(scanned).as("the scanner vouches for %s", envelope).isNotNull();
		assertThat(scanned.op()).as(envelope).isEqualTo(parsed.op());
		assertThat(scanned.sequence()).as(envelope).isEqualTo(parsed.sequence());
		assertThat(scanned.type()).as(envelope).isEqualTo(parsed.type());
		assertThat(scanned.data().toString()).as(envelope).isEqualTo(parsed.data().toString());
	}

	private static String envelope(Random random) {
		List<String> fields = new ArrayList<>(List.of("\"op\":" + random.nextInt(12),
				"\"s\":" + (random.nextBoolean() ? "null" : String.valueOf(random.nextInt(1_000_000))),
				"\"t\":" + (random.nextBoolean() ? "null" : "\"EVENT_" + random.nextInt(99) + "\""),
				"\"d\":" + value(random, 3)));
		Collections.shuffle(fields, random);
		String separator = random.nextBoolean() ? "," : " ,\n ";
		return (random.nextBoolean() ? " " : "") + "{" + String.join(separator, fields) + "}";
	}

	private static String value(Random random, int depth) {
		int kind = random.nextInt((depth > 0) ? 7 : 5);
		return switch (kind) {
			case 0 -> "null";
			case 1 -> String.valueOf(random.nextBoolean());
			case 2 -> String.valueOf(random.nextInt(1000) - 500) + (random.nextBoolean() ? ".25" : "");
			case 3, 4 -> string(random);
			case 5 -> "[" + String.join(",", List.of(value(random, depth - 1), value(random, depth - 1))) + "]";
			default -> "{" + string(random) + ":" + value(random, depth - 1) + "," + string(random) + ":"
					+ value(random, depth - 1) + "}";
		};
	}

	private static String string(Random random) {
		String[] pieces = { "a", "\\\"", "\\\\", "}", "]", "{", "[", ",", ":", "\u00e9", "\u2603", "\\n", "\\u0041", " " };
		StringBuilder text = new StringBuilder("\"");
		for (int i = random.nextInt(6); i > 0; i--) {
			text.append(pieces[random.nextInt(pieces.length)]);
		}
		return text.append('"').toString();
	}

}
