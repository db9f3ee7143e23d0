package io.github.discordgateway.benchmarks;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.GatewayMessage;
import io.github.discordgateway.transport.compression.DecompressedMessage;
import io.github.discordgateway.transport.compression.ZlibStreamDecompressor;

/**
 * The inbound decode path, one MESSAGE_CREATE per operation, against Jackson alone as the baseline.
 * <ul>
 * <li>{@link #jacksonReadTree}: Jackson 3 parses the whole message into a tree (the baseline).</li>
 * <li>{@link #envelopeDecode}: {@link GatewayJson#decode}, what the shard does per message: op, s and t are read,
 * {@code d} is only located.</li>
 * <li>{@link #zlibInflateAndDecode}: what the transport and shard do per compressed message: inflate through the
 * connection's context, copy the bytes out of the reused buffer, decode the envelope.</li>
 * <li>{@link #decodeAndReadTyped}: envelope decode plus a listener's {@link DispatchEvent#data(Class)} into a
 * record.</li>
 * <li>{@link #jacksonReadTyped}: Jackson alone reading the whole message into the same record in one pass, the
 * baseline for the typed read.</li>
 * </ul>
 * Run from {@code target/benchmarks.jar}; see docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode({ Mode.Throughput, Mode.AverageTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodePathBenchmarks {

	/** Distinct messages per rotation; the zlib stream restarts (fresh context) after the last. */
	private static final int MESSAGES = 256;

	private static final int MAX_MESSAGE_SIZE = 64 * 1024 * 1024;

	@Param({ MessageCreatePayloads.PLAIN, MessageCreatePayloads.RICH })
	public String kind;

	private final JsonMapper jackson = JsonMapper.builder().build();

	private final GatewayJson gatewayJson = new GatewayJson();

	/** Configured like {@link GatewayJson}'s mapper, so the typed baseline binds the same record the same way. */
	private final JsonMapper typedJackson = new GatewayJson().mapper();

	private byte[][] payloads;

	private byte[][] compressed;

	private ZlibStreamDecompressor decompressor;

	private int next;

	private int nextCompressed;

	@Setup(Level.Trial)
	public void createPayloads() {
		this.payloads = MessageCreatePayloads.create(this.kind, MESSAGES);
		this.compressed = MessageCreatePayloads.zlibStream(this.payloads);
		this.decompressor = new ZlibStreamDecompressor(MAX_MESSAGE_SIZE);
	}

	@TearDown(Level.Trial)
	public void closeDecompressor() {
		this.decompressor.close();
	}

	@Benchmark
	public JsonNode jacksonReadTree() {
		return this.jackson.readTree(nextPayload());
	}

	@Benchmark
	public GatewayMessage envelopeDecode() {
		byte[] payload = nextPayload();
		return this.gatewayJson.decode(payload, payload.length);
	}

	@Benchmark
	public GatewayMessage zlibInflateAndDecode() {
		if (this.nextCompressed == MESSAGES) {
			// The recorded stream is over: start again on a "new connection", as the client would.
			this.decompressor.close();
			this.decompressor = new ZlibStreamDecompressor(MAX_MESSAGE_SIZE);
			this.nextCompressed = 0;
		}
		DecompressedMessage json = this.decompressor.decompress(ByteBuffer.wrap(this.compressed[this.nextCompressed++]));
		// The transport copies each message out of the decompressor's reused buffer before handing it on.
		byte[] message = Arrays.copyOf(json.array(), json.length());
		return this.gatewayJson.decode(message, message.length);
	}

	@Benchmark
	public MessageCreate decodeAndReadTyped() {
		byte[] payload = nextPayload();
		GatewayMessage message = this.gatewayJson.decode(payload, payload.length);
		return new DispatchEvent(message.type(), 0, message.sequence(), false, message.data(), this.gatewayJson)
			.data(MessageCreate.class);
	}

	@Benchmark
	public Dispatch jacksonReadTyped() {
		return this.typedJackson.readValue(nextPayload(), Dispatch.class);
	}

	private byte[] nextPayload() {
		byte[] payload = this.payloads[this.next];
		this.next = (this.next + 1) % MESSAGES;
		return payload;
	}

	/** What a listener typically reads of a MESSAGE_CREATE; the rest is skipped. */
	public record MessageCreate(String id, String channelId, String guildId, String content, String timestamp,
			Author author, List<Author> mentions) {
	}

	/** A whole MESSAGE_CREATE dispatch, for the one-pass typed baseline. */
	public record Dispatch(int op, long s, String t, MessageCreate d) {
	}

	/** The message's author or a mentioned user. */
	public record Author(String id, String username, String globalName) {
	}

}
