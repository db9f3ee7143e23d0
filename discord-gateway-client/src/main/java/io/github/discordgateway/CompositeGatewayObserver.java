package io.github.discordgateway;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.protocol.CloseAction;
import io.github.discordgateway.protocol.Opcode;
import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.session.SessionAttempt;
import io.github.discordgateway.session.ShardStatus;
import io.github.discordgateway.session.StuckListener;
import io.github.discordgateway.transport.OversizeMessage;

/**
 * Tells every observer given to the client what happens, in order. An observer that throws is logged and the
 * others still hear of it.
 */
class CompositeGatewayObserver implements GatewayObserver {

	private static final Logger logger = LoggerFactory.getLogger(CompositeGatewayObserver.class);

	private final List<GatewayObserver> observers;

	CompositeGatewayObserver(List<GatewayObserver> observers) {
		this.observers = List.copyOf(observers);
	}

	@Override
	public void heartbeatAcknowledged(int shardId, Duration latency) {
		each((observer) -> observer.heartbeatAcknowledged(shardId, latency));
	}

	@Override
	public void dispatchReceived(DispatchEvent event) {
		// A plain loop: this runs for every event.
		for (GatewayObserver observer : this.observers) {
			try {
				observer.dispatchReceived(event);
			}
			catch (RuntimeException ex) {
				logger.error("Gateway observer {} failed", observer, ex);
			}
		}
	}

	@Override
	public void messageSkipped(int shardId, OversizeMessage message) {
		each((observer) -> observer.messageSkipped(shardId, message));
	}

	@Override
	public void malformedMessageSkipped(int shardId) {
		each((observer) -> observer.malformedMessageSkipped(shardId));
	}

	@Override
	public void connectionClosed(int shardId, int closeCode) {
		each((observer) -> observer.connectionClosed(shardId, closeCode));
	}

	@Override
	public void reconnecting(int shardId, CloseAction action) {
		each((observer) -> observer.reconnecting(shardId, action));
	}

	@Override
	public void commandSent(int shardId, Opcode op, Duration waited) {
		each((observer) -> observer.commandSent(shardId, op, waited));
	}

	@Override
	public void bytesReceived(int shardId, int wireBytes, long decompressedBytes) {
		// A plain loop: this runs for every event.
		for (GatewayObserver observer : this.observers) {
			try {
				observer.bytesReceived(shardId, wireBytes, decompressedBytes);
			}
			catch (RuntimeException ex) {
				logger.error("Gateway observer {} failed", observer, ex);
			}
		}
	}

	@Override
	public void dispatchHandled(DispatchEvent event, Duration lag) {
		// A plain loop: this runs for every event.
		for (GatewayObserver observer : this.observers) {
			try {
				observer.dispatchHandled(event, lag);
			}
			catch (RuntimeException ex) {
				logger.error("Gateway observer {} failed", observer, ex);
			}
		}
	}

	@Override
	public void listenerFailed(DispatchEvent event, Throwable failure) {
		// A plain loop: this runs for every event.
		for (GatewayObserver observer : this.observers) {
			try {
				observer.listenerFailed(event, failure);
			}
			catch (RuntimeException ex) {
				logger.error("Gateway observer {} failed", observer, ex);
			}
		}
	}

	@Override
	public void sessionAttempted(int shardId, SessionAttempt attempt, boolean succeeded) {
		each((observer) -> observer.sessionAttempted(shardId, attempt, succeeded));
	}

	@Override
	public void rateLimited(int shardId, Opcode op, Duration wait) {
		each((observer) -> observer.rateLimited(shardId, op, wait));
	}

	@Override
	public void statusChanged(ShardStatus status) {
		each((observer) -> observer.statusChanged(status));
	}

	@Override
	public void listenerStuck(StuckListener stuck) {
		each((observer) -> observer.listenerStuck(stuck));
	}

	private void each(Consumer<GatewayObserver> call) {
		for (GatewayObserver observer : this.observers) {
			try {
				call.accept(observer);
			}
			catch (RuntimeException ex) {
				logger.error("Gateway observer {} failed", observer, ex);
			}
		}
	}

}
