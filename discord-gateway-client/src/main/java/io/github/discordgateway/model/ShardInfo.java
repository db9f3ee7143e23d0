package io.github.discordgateway.model;


import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A {@code [shard_id, num_shards]} pair.
 *
 * @param id the shard's id, from 0
 * @param count how many shards the bot runs
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
// Without an explicit order the mapper sorts properties alphabetically, which would swap the two numbers.
@JsonPropertyOrder({ "id", "count" })
public record ShardInfo(int id, int count) {
}
