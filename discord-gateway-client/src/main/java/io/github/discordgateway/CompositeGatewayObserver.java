package io.github.discordgateway;

import java.time.Duration;
import java.util.List;

import io.github.discordgateway.event.DispatchEvent;
import io.github.discordgateway.protocol.CloseAction;
import io.github.discordgateway.protocol.Opcode;
import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.session.SessionAttempt;
import io.github.discordgateway.session.ShardStatus;

/**
 * Tells every observer given to the client what happens, in order.
 */
class CompositeGatewayObserver implements GatewayObserver {

	private final List<GatewayObserver> observers;

	CompositeGatewayObserver(List<GatewayObserver> observers) {
		this.observers = List.copyOf(observers);
	}

	@Override
	public void heartbeatAcknowledged(int shardId, Duration latency) {
		this.observers.forEach((observer) -> observer.heartbeatAcknowledged(shardId, latency));
	}

	@Override
	public void dispatchReceived(DispatchEvent event) {
		for (GatewayObserver observer : this.observers) {
			observer.dispatchReceived(event);
		}
	}

	@Override
	public void connectionClosed(int shardId, int closeCode) {
		this.observers.forEach((observer) -> observer.connectionClosed(shardId, closeCode));
	}

	@Override
	public void reconnecting(int shardId, CloseAction action) {
		this.observers.forEach((observer) -> observer.reconnecting(shardId, action));
	}

	@Override
	public void commandSent(int shardId, Opcode op, Duration waited) {
		this.observers.forEach((observer) -> observer.commandSent(shardId, op, waited));
	}

	@Override
	public void bytesReceived(int shardId, int wireBytes, int decompressedBytes) {
		for (GatewayObserver observer : this.observers) {
			observer.bytesReceived(shardId, wireBytes, decompressedBytes);
		}
	}

	@Override
	public void dispatchHandled(DispatchEvent event, Duration lag) {
		for (GatewayObserver observer : this.observers) {
			observer.dispatchHandled(event, lag);
		}
	}

	@Override
	public void listenerFailed(DispatchEvent event, Throwable failure) {
		for (GatewayObserver observer : this.observers) {
			observer.listenerFailed(event, failure);
		}
	}

	@Override
	public void sessionAttempted(int shardId, SessionAttempt attempt, boolean succeeded) {
		this.observers.forEach((observer) -> observer.sessionAttempted(shardId, attempt, succeeded));
	}

	@Override
	public void rateLimited(int shardId, Opcode op, Duration wait) {
		this.observers.forEach((observer) -> observer.rateLimited(shardId, op, wait));
	}

	@Override
	public void statusChanged(ShardStatus status) {
		this.observers.forEach((observer) -> observer.statusChanged(status));
	}

}
