/**
 * A Discord Gateway v10 simulator on loopback: the REST bootstrap endpoints and the WebSocket gateway,
 * strict in the way Discord is strict, scriptable and recording everything a client sends.
 * <p>
 * Entry point: {@link io.github.discordgateway.simulator.GatewaySimulator}. The simulator takes its
 * protocol knowledge from the shared protocol notes, never from the client it tests.
 */
package io.github.discordgateway.simulator;
