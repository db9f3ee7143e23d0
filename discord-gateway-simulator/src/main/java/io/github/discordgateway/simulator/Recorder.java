package io.github.discordgateway.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything clients did: frames, connections and REST calls, in arrival order. Thread-safe; the lists
 * only grow, so tests pick what they need by index or time.
 */
final class Recorder {

	/** How much of each frame a timeout message shows. */
	private static final int SHOWN_CHARS = 200;

	private final List<ClientFrame> frames = new ArrayList<>();

	/** Per op, how many frames {@link #awaitFrame} has already handed out. */
	private final Map<Integer, Integer> handedOut = new HashMap<>();

	private final List<LiveConnection> connections = new ArrayList<>();

	private final List<RestCall> restCalls = new ArrayList<>();

	synchronized void frame(ClientFrame frame) {
		this.frames.add(frame);
		notifyAll();
	}

	synchronized List<ClientFrame> frames() {
		return List.copyOf(this.frames);
	}

	synchronized List<ClientFrame> frames(int op) {
		return this.frames.stream().filter((frame) -> frame.op() == op).toList();
	}

	/** Returns the first frame with this op that no earlier call returned, waiting for it if needed. */
	ClientFrame awaitFrame(int op, Duration timeout) {
		return Waiting.until(this, timeout, () -> {
			int skip = this.handedOut.getOrDefault(op, 0);
			List<ClientFrame> matching = frames(op);
			if (matching.size() <= skip) {
				return null;
			}
			this.handedOut.put(op, skip + 1);
			return matching.get(skip);
		}, () -> "no new frame with op " + op + " within " + timeout + "; frames received: " + describeFrames());
	}

	private String describeFrames() {
		if (this.frames.isEmpty()) {
			return "none";
		}
		return this.frames.stream()
			.map((frame) -> "\n  #" + frame.connectionId() + " op " + frame.op() + ": " + shorten(frame.text()))
			.collect(Collectors.joining());
	}

	private static String shorten(String text) {
		return (text.length() <= SHOWN_CHARS) ? text : text.substring(0, SHOWN_CHARS) + "...";
	}

	synchronized void connection(LiveConnection connection) {
		this.connections.add(connection);
		notifyAll();
	}

	synchronized List<GatewayConnection> connections() {
		return this.connections.stream().map(LiveConnection::snapshot).toList();
	}

	/** The newest connection that has not started closing, if any. */
	synchronized LiveConnection latestOpen() {
		for (int i = this.connections.size() - 1; i >= 0; i--) {
			if (this.connections.get(i).isOpen()) {
				return this.connections.get(i);
			}
		}
		return null;
	}

	synchronized void restCall(RestCall call) {
		this.restCalls.add(call);
		notifyAll();
	}

	synchronized List<RestCall> restCalls() {
		return List.copyOf(this.restCalls);
	}

}
