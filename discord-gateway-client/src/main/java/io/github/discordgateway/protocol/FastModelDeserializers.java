package io.github.discordgateway.protocol;

import java.util.function.IntFunction;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

import io.github.discordgateway.model.ChannelType;
import io.github.discordgateway.model.MessageType;
import io.github.discordgateway.model.Snowflake;

/**
 * Reads the values every message is full of (ids, message and channel types) straight from the parser's token,
 * where Jackson would call their {@code @JsonCreator} factories reflectively. Whatever the direct path does not
 * take (an unusual token, a malformed id) goes to the deserializer Jackson made, so results and failures are
 * unchanged.
 */
final class FastModelDeserializers extends ValueDeserializerModifier {

	@Override
	public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
			ValueDeserializer<?> deserializer) {
		Class<?> type = description.getBeanClass();
		if (type == Snowflake.class) {
			return new SnowflakeDeserializer(deserializer);
		}
		if (type == MessageType.class) {
			return new IntValueDeserializer(deserializer, MessageType::of);
		}
		if (type == ChannelType.class) {
			return new IntValueDeserializer(deserializer, ChannelType::of);
		}
		return deserializer;
	}

	/** An id from its decimal string (or, echoed, a number). */
	static final class SnowflakeDeserializer extends DelegatingDeserializer {

		SnowflakeDeserializer(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new SnowflakeDeserializer(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.hasToken(JsonToken.VALUE_STRING)) {
				int length = parser.getStringLength();
				// Up to 19 digits the value is below 2^64, so the wrapping sum below is its exact unsigned form.
				if (length > 0 && length <= 19) {
					char[] text = parser.getStringCharacters();
					int offset = parser.getStringOffset();
					long value = 0;
					for (int i = offset; i < offset + length; i++) {
						int digit = text[i] - '0';
						if (digit < 0 || digit > 9) {
							return super.deserialize(parser, context);
						}
						value = value * 10 + digit;
					}
					return Snowflake.of(value);
				}
			}
			else if (parser.hasToken(JsonToken.VALUE_NUMBER_INT)
					&& parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
				return Snowflake.of(parser.getLongValue());
			}
			return super.deserialize(parser, context);
		}

	}

	/** A record such as {@link MessageType} made from its integer value. */
	static final class IntValueDeserializer extends DelegatingDeserializer {

		private final IntFunction<?> factory;

		IntValueDeserializer(ValueDeserializer<?> delegate, IntFunction<?> factory) {
			super(delegate);
			this.factory = factory;
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new IntValueDeserializer(delegate, this.factory);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.hasToken(JsonToken.VALUE_NUMBER_INT) && parser.getNumberType() == JsonParser.NumberType.INT) {
				return this.factory.apply(parser.getIntValue());
			}
			return super.deserialize(parser, context);
		}

	}

}
