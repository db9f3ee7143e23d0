package io.github.discordgateway.protocol;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads Discord's UTC timestamps with {@link IsoTimestamps} and gives everything else (other offsets, other
 * shapes, numbers, errors) to Jackson's own {@code OffsetDateTime} deserializer, so that results and failures stay
 * exactly what Jackson makes of them.
 */
final class FastOffsetDateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {

	private final ValueDeserializer<OffsetDateTime> fallback = InstantDeserializer.OFFSET_DATE_TIME;

	FastOffsetDateTimeDeserializer() {
		super(OffsetDateTime.class);
	}

	@Override
	public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.hasToken(JsonToken.VALUE_STRING) && isUtcKeptAsUtc(context)) {
			OffsetDateTime parsed = IsoTimestamps.parse(parser.getStringCharacters(), parser.getStringOffset(),
					parser.getStringLength());
			// A UTC timestamp reads the same whether or not Jackson would adjust it to the context's zone.
			if (parsed != null && parsed.getOffset() == ZoneOffset.UTC) {
				return parsed;
			}
		}
		return this.fallback.deserialize(parser, context);
	}

	/** Whether Jackson would return a UTC timestamp as it is (no truncation, no shift to another zone). */
	private static boolean isUtcKeptAsUtc(DeserializationContext context) {
		if (context.isEnabled(DateTimeFeature.TRUNCATE_TO_MSECS_ON_READ)) {
			return false;
		}
		TimeZone zone = context.getTimeZone();
		return !context.isEnabled(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
				|| (zone.getRawOffset() == 0 && !zone.useDaylightTime());
	}

}
