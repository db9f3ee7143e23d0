package io.github.discordgateway.protocol;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the byte scanner against Jackson: for any bytes it must give Jackson's answer or decline. It checks only
 * the structure of {@code d} (a listener decodes the data later), so where Jackson rejects the bytes, Jackson must
 * accept them with {@code d} replaced by {@code null} and agree on the rest.
 */
class EnvelopeScannerFuzzTests {

	private static final GatewayJson JSON = new GatewayJson();

	@DictionaryEntries({ "{\"op\":", "\"op\":0", "\"op\":10", "\"s\":", "\"t\":", "\"d\":", "null", "true",
			"\"READY\"", "{\"heartbeat_interval\":", "\\u00e9", "\\\"", "[]", "{}", "01", "-1", "1e3" })
	@FuzzTest(maxDuration = "6s")
	void scannerGivesJacksonsAnswerOrDeclines(byte[] bytes) {
		GatewayJson.decodeStart(bytes, bytes.length);
		GatewayMessage scanned = EnvelopeScanner.scan(bytes, bytes.length);
		GatewayMessage parsed = jacksonOrNull(bytes);
		if (scanned == null) {
			return;
		}
		if (parsed != null) {
			assertThat(scanned.op()).isEqualTo(parsed.op());
			assertThat(scanned.sequence()).isEqualTo(parsed.sequence());
			assertThat(scanned.type()).isEqualTo(parsed.type());
			assertThat(text(scanned.data())).isEqualTo(text(parsed.data()));
			return;
		}
		assertThat(scanned.data().bytes()).as("only d may be wrong in what the scanner vouches for")
			.isSameAs(bytes);
		GatewayMessage withoutData = JSON.parseWithJackson(withNullData(bytes, scanned.data()),
				bytes.length - scanned.data().length() + 4);
		assertThat(scanned.op()).isEqualTo(withoutData.op());
		assertThat(scanned.sequence()).isEqualTo(withoutData.sequence());
		assertThat(scanned.type()).isEqualTo(withoutData.type());
	}

	private static GatewayMessage jacksonOrNull(byte[] bytes) {
		try {
			return JSON.parseWithJackson(bytes, bytes.length);
		}
		catch (MalformedMessageException ex) {
			return null;
		}
	}

	private static byte[] withNullData(byte[] bytes, RawJson data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(bytes, 0, data.offset());
		out.writeBytes(RawJson.NULL.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		out.write(bytes, data.offset() + data.length(), bytes.length - data.offset() - data.length());
		return out.toByteArray();
	}

	private static byte[] text(RawJson json) {
		return Arrays.copyOfRange(json.bytes(), json.offset(), json.offset() + json.length());
	}

}
