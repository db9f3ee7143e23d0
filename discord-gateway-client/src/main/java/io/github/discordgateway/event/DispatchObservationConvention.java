package io.github.discordgateway.event;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a listener's work on one dispatch: {@value #NAME}, with the event's name and
 * shard as low-cardinality keys ({@code discord.event}, {@code discord.shard}) and its sequence as a
 * high-cardinality one ({@code discord.sequence}, on spans only, never on meters). A tracing user gets a span per
 * event, named {@code discord <EVENT_NAME>}.
 */
public class DispatchObservationConvention implements ObservationConvention<DispatchObservationContext> {

	/** The observation's name (and the timer's, when observations are metered). */
	public static final String NAME = "discord.gateway.dispatch";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(DispatchObservationContext context) {
		return "discord " + context.getEvent().getName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(DispatchObservationContext context) {
		DispatchEvent event = context.getEvent();
		return KeyValues.of("discord.event", event.getName(), "discord.shard", String.valueOf(event.getShardId()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(DispatchObservationContext context) {
		return KeyValues.of("discord.sequence", String.valueOf(context.getEvent().getSequence()));
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof DispatchObservationContext;
	}

}
