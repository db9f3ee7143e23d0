package io.github.discordgateway.protocol;

import java.time.OffsetDateTime;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON codec of the gateway: reads payload envelopes without decoding their data, and writes commands.
 * <p>
 * It has its own {@link JsonMapper} rather than the application's, so that an application's Jackson settings can
 * never change the wire format. Record components in camelCase map to Discord's snake_case names; unknown fields
 * are ignored and unknown enum values read as the enum's {@code @JsonEnumDefaultValue}. Timestamps, ids and the
 * types every message carries are read on direct paths (same results, less work than Jackson's general ones).
 */
public final class GatewayJson {

	private final JsonMapper mapper;

	/** One reader per type read, its deserializer looked up once rather than on every read. */
	private final ClassValue<ObjectReader> readers = new ClassValue<>() {

		@Override
		protected ObjectReader computeValue(Class<?> type) {
			return GatewayJson.this.mapper.readerFor(type);
		}

	};

	public GatewayJson() {
		this.mapper = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
			.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
			.addModule(new SimpleModule("discord-gateway-fast-paths")
				.addDeserializer(OffsetDateTime.class, new FastOffsetDateTimeDeserializer())
				.setDeserializerModifier(new FastModelDeserializers())
				.setValueInstantiators(new DirectConstructorInstantiators()))
			.build();
	}

	/**
	 * The mapper behind this codec, for typed decoding of event data.
	 */
	public JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * Reads the envelope of one gateway message. Only {@code op}, {@code s} and {@code t} are decoded; {@code d}
	 * is located, not parsed: an {@link EnvelopeScanner} finds it in one pass over the bytes, and Jackson reads
	 * whatever the scanner does not vouch for (and reports what is wrong with it).
	 * @param bytes the UTF-8 JSON; it must not be modified afterwards, since the result refers to it
	 * @param length how many bytes of {@code bytes} (from 0) hold the message
	 * @throws MalformedMessageException if the bytes are not a JSON object with a numeric {@code op}
	 */
	public GatewayMessage decode(byte[] bytes, int length) {
		GatewayMessage scanned = EnvelopeScanner.scan(bytes, length);
		return (scanned != null) ? scanned : parseWithJackson(bytes, length);
	}

	/**
	 * Reads {@code op}, {@code s} and {@code t} from the first bytes of a message too large to keep whole, for
	 * the log (Discord sends them before {@code d}). Never throws.
	 * @param bytes the start of the message
	 * @param length how many bytes of {@code bytes} (from 0) hold it
	 * @return the fields found before the cut ({@code op} -1, {@link GatewayMessage#NO_SEQUENCE} and a
	 * {@code null} type where absent), with {@link RawJson#NULL} data
	 */
	public static GatewayMessage decodeStart(byte[] bytes, int length) {
		return EnvelopeScanner.scanStart(bytes, length);
	}

	GatewayMessage parseWithJackson(byte[] bytes, int length) {
		try (JsonParser parser = this.mapper.createParser(bytes, 0, length)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new MalformedMessageException("A gateway message must be a JSON object", null);
			}
			int op = -1;
			long sequence = GatewayMessage.NO_SEQUENCE;
			String type = null;
			RawJson data = RawJson.NULL;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				switch (name) {
					case "op" -> op = (value == JsonToken.VALUE_NUMBER_INT) ? parser.getIntValue() : -1;
					case "s" -> sequence = (value == JsonToken.VALUE_NUMBER_INT) ? parser.getLongValue() : sequence;
					case "t" -> type = (value == JsonToken.VALUE_STRING) ? parser.getString() : null;
					case "d" -> data = locate(parser, value, bytes);
					default -> parser.skipChildren();
				}
			}
			if (op < 0) {
				throw new MalformedMessageException("A gateway message needs a numeric 'op'", null);
			}
			return new GatewayMessage(op, sequence, type, data);
		}
		catch (JacksonException ex) {
			throw new MalformedMessageException("A gateway message is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static RawJson locate(JsonParser parser, JsonToken value, byte[] bytes) {
		if (value == JsonToken.VALUE_NULL) {
			return RawJson.NULL;
		}
		int start = (int) parser.currentTokenLocation().getByteOffset();
		int end;
		if (value.isStructStart()) {
			parser.skipChildren();
			end = (int) parser.currentTokenLocation().getByteOffset() + 1;
		}
		else {
			parser.finishToken();
			end = (int) parser.currentLocation().getByteOffset();
		}
		return new RawJson(bytes, start, end - start);
	}

	/**
	 * Decodes a JSON value into a type.
	 */
	@SuppressWarnings("unchecked")
	public <T> T read(RawJson json, Class<T> type) {
		return (T) this.readers.get(type).readValue(json.bytes(), json.offset(), json.length());
	}

	/**
	 * Decodes a JSON value into a tree.
	 */
	public JsonNode readTree(RawJson json) {
		return this.mapper.readTree(json.bytes(), json.offset(), json.length());
	}

	/**
	 * Writes a command as a payload envelope: {@code {"op":...,"d":...}}.
	 */
	public String encode(Opcode op, Object data) {
		return "{\"op\":" + op.code() + ",\"d\":" + this.mapper.writeValueAsString(data) + "}";
	}

	/**
	 * Writes a Heartbeat carrying the last sequence received ({@code null} before any).
	 */
	public String encodeHeartbeat(long lastSequence) {
		return "{\"op\":1,\"d\":" + ((lastSequence == GatewayMessage.NO_SEQUENCE) ? "null" : lastSequence) + "}";
	}

}
