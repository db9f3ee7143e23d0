package io.github.discordgateway.event;

import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.protocol.RawJson;
import tools.jackson.databind.JsonNode;

/**
 * One Dispatch (op 0) from the gateway: an event such as {@code MESSAGE_CREATE}, as Spring application listeners
 * receive it.
 * <p>
 * The data stays the JSON it arrived as until a listener asks for it; {@link #data(Class)} then decodes it once
 * (and remembers the result), so events nobody reads cost no object mapping. Listen for every event with
 * {@code @EventListener void on(DispatchEvent event)}, or filter by name the Spring way:
 * {@code @EventListener(condition = "#event.name == 'MESSAGE_CREATE'")}.
 */
public class DispatchEvent {

	private final String name;

	private final int shardId;

	private final long sequence;

	private final boolean replayed;

	private final RawJson data;

	private final GatewayJson json;

	private volatile Object decoded;

	/**
	 * @param name the event name ({@code t})
	 * @param shardId the shard that received it
	 * @param sequence its sequence number ({@code s})
	 * @param replayed whether a resume replayed it (see {@link #isReplayed()})
	 * @param data its data ({@code d}), undecoded
	 * @param json the codec that decodes the data on demand
	 */
	public DispatchEvent(String name, int shardId, long sequence, boolean replayed, RawJson data, GatewayJson json) {
		this.name = name;
		this.shardId = shardId;
		this.sequence = sequence;
		this.replayed = replayed;
		this.data = data;
		this.json = json;
	}

	/**
	 * The event name, e.g. {@code MESSAGE_CREATE}. Names this library does not know are delivered too.
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * The shard whose session received the event.
	 */
	public int getShardId() {
		return this.shardId;
	}

	/**
	 * The event's sequence number within its session.
	 */
	public long getSequence() {
		return this.sequence;
	}

	/**
	 * Whether the event came between a Resume and its RESUMED: Discord replayed it because the session's last
	 * saved sequence was older. Within one run the client delivers every sequence once, but after a restart that
	 * resumed a saved session (or a crash) a replayed event may already have been handled: a handler that must not
	 * act twice de-duplicates replayed events by {@linkplain #getShardId() shard} and {@linkplain #getSequence()
	 * sequence}, or by the id in their data.
	 */
	public boolean isReplayed() {
		return this.replayed;
	}

	/**
	 * The event data ({@code d}) as JSON text.
	 */
	public String getRawData() {
		return this.data.toString();
	}

	/**
	 * The event data as a JSON tree, for fields no type models.
	 */
	public JsonNode getDataNode() {
		return data(JsonNode.class);
	}

	/**
	 * The event data decoded into a type (a record whose camelCase components match Discord's snake_case field
	 * names, for example). Decoded once per type asked for last; thread-safe.
	 * @param type the type to decode into
	 * @param <T> the type
	 * @return the decoded data
	 * @throws tools.jackson.core.JacksonException if the data does not fit the type
	 */
	public <T> T data(Class<T> type) {
		Object current = this.decoded;
		if (type.isInstance(current)) {
			return type.cast(current);
		}
		T value = (type == JsonNode.class) ? type.cast(this.json.readTree(this.data)) : this.json.read(this.data, type);
		this.decoded = value;
		return value;
	}

	/**
	 * The size of the event's data in bytes, as it arrived (what the delivery queue bounds).
	 */
	int dataSize() {
		return this.data.length();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[name=" + this.name + ", shard=" + this.shardId + ", sequence="
				+ this.sequence + (this.replayed ? ", replayed" : "") + "]";
	}

}
