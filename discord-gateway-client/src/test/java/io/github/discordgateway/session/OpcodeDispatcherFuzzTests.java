package io.github.discordgateway.session;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.LoggerFactory;

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.GatewayMessage;
import io.github.discordgateway.protocol.MalformedMessageException;
import io.github.discordgateway.session.OpcodeDispatcherTests.RecordingHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the opcode dispatch with arbitrary bytes: nothing is ever thrown out of it, and every message is either
 * routed to exactly one handler, or skipped and counted as malformed, or skipped as an unknown opcode (a Hello
 * without usable data is both counted and handed on, without a heartbeat interval).
 */
class OpcodeDispatcherFuzzTests {

	private static final Set<Integer> KNOWN_OPCODES = Set.of(0, 1, 7, 9, 10, 11);

	private static final GatewayJson JSON = new GatewayJson();

	private final AtomicInteger malformed = new AtomicInteger();

	/** The dispatcher logs each malformed message at WARN, as it should: here that is every input, a million lines. */
	@BeforeAll
	static void quietTheDispatchersLog() {
		dispatcherLog().setLevel(Level.ERROR);
	}

	@AfterAll
	static void restoreTheDispatchersLog() {
		dispatcherLog().setLevel(null);
	}

	private static Logger dispatcherLog() {
		return (Logger) LoggerFactory.getLogger(OpcodeDispatcher.class);
	}

	private final OpcodeDispatcher dispatcher = new OpcodeDispatcher(JSON, 0, new GatewayObserver() {

		@Override
		public void malformedMessageSkipped(int shardId) {
			OpcodeDispatcherFuzzTests.this.malformed.incrementAndGet();
		}

	});

	@DictionaryEntries({ "{\"op\":", "\"op\":0", "\"op\":10", "\"s\":", "\"t\":", "\"d\":", "null", "true",
			"\"READY\"", "{\"heartbeat_interval\":", "\\u00e9", "\\\"", "[]", "{}", "01", "-1", "1e3" })
	@FuzzTest(maxDuration = "6s")
	void everyMessageIsRoutedOrSkippedAndNothingIsThrown(byte[] bytes) {
		this.malformed.set(0);
		RecordingHandler handler = new RecordingHandler();
		this.dispatcher.dispatch(bytes, handler);
		GatewayMessage envelope = envelopeOrNull(bytes);
		if (envelope == null) {
			assertThat(this.malformed).hasValue(1);
			assertThat(handler.calls).isEmpty();
		}
		else if (envelope.op() == 10) {
			// A Hello without usable data is counted, and handed on without a heartbeat interval (to reconnect).
			assertThat(handler.calls).hasSize(1);
			if (this.malformed.get() == 1) {
				assertThat(handler.calls).containsExactly("hello 0");
			}
		}
		else if (KNOWN_OPCODES.contains(envelope.op())) {
			assertThat(handler.calls.size() + this.malformed.get()).isEqualTo(1);
		}
		else {
			assertThat(this.malformed).hasValue(0);
			assertThat(handler.calls).isEmpty();
		}
	}

	private static GatewayMessage envelopeOrNull(byte[] bytes) {
		try {
			return JSON.decode(bytes, bytes.length);
		}
		catch (MalformedMessageException ex) {
			return null;
		}
	}

}
