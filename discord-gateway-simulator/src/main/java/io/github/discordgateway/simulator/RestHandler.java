package io.github.discordgateway.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST side: GET /gateway, GET /gateway/bot, POST /channels/{id}/messages and
 * POST /interactions/{id}/{token}/callback under {@code /api/v10},
 * answered with Discord's status codes and error bodies, and Discord's rate limits on the bot's routes
 * ({@link RestRateLimit}: bucket headers, 429s, the global limit). Every request is recorded. WebSocket upgrade
 * requests pass through to the handshake.
 */
final class RestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

	private static final String API = "/api/v10";

	private static final Pattern CHANNEL_MESSAGES = Pattern.compile(API + "/channels/(\\d+)/messages");

	private static final Pattern INTERACTION_CALLBACK = Pattern.compile(API + "/interactions/(\\d+)/([^/]+)/callback");

	private static final int MAX_CONTENT_LENGTH = 2000;

	private final SimulatorContext context;

	private final boolean servesApi;

	/**
	 * @param servesApi {@code false} on the resume port, which like Discord's resume hosts only speaks
	 * WebSocket
	 */
	RestHandler(SimulatorContext context, boolean servesApi) {
		super(false);
		this.context = context;
		this.servesApi = servesApi;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
		if (request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
			ctx.fireChannelRead(request);
			return;
		}
		try {
			QueryStringDecoder uri = new QueryStringDecoder(request.uri());
			String body = request.content().toString(StandardCharsets.UTF_8);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			request.headers()
				.forEach((entry) -> headers.computeIfAbsent(entry.getKey(), (name) -> new ArrayList<>()).add(entry.getValue()));
			if (this.servesApi && this.context.takeRestDrop()) {
				this.context.recorder.restCall(new RestCall(request.method().name(), uri.path(), uri.parameters(),
						headers, body, Instant.now(), RestCall.DROPPED));
				ctx.close();
				return;
			}
			Response response = this.servesApi ? serverErrorOrRoute(request.method(), uri.path(), request, body)
					: notFound();
			this.context.recorder.restCall(new RestCall(request.method().name(), uri.path(), uri.parameters(), headers,
					body, Instant.now(), response.status().code()));
			write(ctx, request, response);
		}
		finally {
			request.release();
		}
	}

	/**
	 * A server error a test asked for ({@link GatewaySimulator#failNextRestRequests}), which leaves the request
	 * undone, or the route's answer.
	 */
	private Response serverErrorOrRoute(HttpMethod method, String path, FullHttpRequest request, String body) {
		int failure = this.context.takeRestFailure();
		if (failure != 0) {
			HttpResponseStatus status = HttpResponseStatus.valueOf(failure);
			return Response.error(status, 0, status.code() + ": " + status.reasonPhrase());
		}
		return route(method, path, request, body);
	}

	private Response route(HttpMethod method, String path, FullHttpRequest request, String body) {
		if (path.equals(API + "/gateway")) {
			return method.equals(HttpMethod.GET) ? gateway() : methodNotAllowed();
		}
		if (path.equals(API + "/gateway/bot")) {
			if (!method.equals(HttpMethod.GET)) {
				return methodNotAllowed();
			}
			return authorized(request) ? limited("gateway-bot", "", this::gatewayBot) : unauthorized();
		}
		Matcher messages = CHANNEL_MESSAGES.matcher(path);
		if (messages.matches()) {
			if (!method.equals(HttpMethod.POST)) {
				return methodNotAllowed();
			}
			String channelId = messages.group(1);
			return authorized(request)
					? limited("channel-messages-create", channelId, () -> createMessage(channelId, body))
					: unauthorized();
		}
		if (INTERACTION_CALLBACK.matcher(path).matches()) {
			return method.equals(HttpMethod.POST) ? interactionCallback(body) : methodNotAllowed();
		}
		return notFound();
	}

	/**
	 * Answers within the rate limits: the bucket's headers on the response, or a 429 that leaves the request
	 * undone.
	 */
	private Response limited(String bucket, String majorParameter, Supplier<Response> action) {
		RestRateLimiter.Verdict verdict = this.context.restRateLimiter.check(bucket, majorParameter, true);
		Response response = verdict.limited() ? new Response(HttpResponseStatus.TOO_MANY_REQUESTS, verdict.body())
				: action.get();
		return response.withHeaders(verdict.headers());
	}

	private boolean authorized(FullHttpRequest request) {
		return ("Bot " + this.context.options.token()).equals(request.headers().get(HttpHeaderNames.AUTHORIZATION));
	}

	private Response gateway() {
		ObjectNode body = Json.MAPPER.createObjectNode();
		body.put("url", this.context.gatewayUrl.toString());
		return Response.ok(body);
	}

	private Response gatewayBot() {
		SessionStartLimit limit = this.context.options.sessionStartLimit();
		ObjectNode body = Json.MAPPER.createObjectNode();
		body.put("url", this.context.gatewayUrl.toString());
		body.put("shards", this.context.options.recommendedShards());
		body.putObject("session_start_limit")
			.put("total", limit.total())
			.put("remaining", this.context.sessions.remaining())
			.put("reset_after", limit.resetAfter().toMillis())
			.put("max_concurrency", limit.maxConcurrency());
		return Response.ok(body);
	}

	/**
	 * Creates a message in one of the guilds' text channels and, as Discord does, dispatches MESSAGE_CREATE
	 * to every session that would see it (right shard, GUILD_MESSAGES intent), the bot's own included.
	 */
	private Response createMessage(String channelId, String body) {
		SimulatedGuild guild = this.context.options.guilds()
			.stream()
			.filter((candidate) -> candidate.textChannelId().equals(channelId))
			.findFirst()
			.orElse(null);
		if (guild == null) {
			return Response.error(HttpResponseStatus.NOT_FOUND, 10003, "Unknown Channel");
		}
		JsonNode request;
		try {
			request = Json.MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			return Response.error(HttpResponseStatus.BAD_REQUEST, 50109, "The request body contains invalid JSON.");
		}
		JsonNode content = request.path("content");
		if (!request.isObject() || (!content.isMissingNode() && !content.isString())
				|| content.asString("").length() > MAX_CONTENT_LENGTH) {
			return Response.error(HttpResponseStatus.BAD_REQUEST, 50035, "Invalid Form Body");
		}
		if (content.asString("").isEmpty()) {
			// Embeds, stickers, files and polls are not simulated, so content is the only way to say something.
			return Response.error(HttpResponseStatus.BAD_REQUEST, 50006, "Cannot send an empty message");
		}
		Instant now = Instant.now();
		ObjectNode message = Payloads.message(this.context.snowflakes.next(), channelId, content.asString(),
				request.get("nonce"), this.context.options.botUser(), now);
		ObjectNode event = Payloads.messageCreate(message, guild.id(), now);
		for (SessionState session : this.context.sessions.all()) {
			if (session.shard() == null || session.shard().holds(guild.id())) {
				session.offer("MESSAGE_CREATE", event.deepCopy());
			}
		}
		return Response.ok(message);
	}

	/**
	 * Answers an interaction as Discord does: 204 for a body with a numeric {@code type} (no bot authorization is
	 * needed: the interaction token in the path is the credential), 400 otherwise.
	 */
	private static Response interactionCallback(String body) {
		JsonNode callback;
		try {
			callback = Json.MAPPER.readTree(body);
		}
		catch (RuntimeException ex) {
			return Response.error(HttpResponseStatus.BAD_REQUEST, 50109, "The request body contains invalid JSON.");
		}
		if (callback == null || !callback.path("type").isIntegralNumber()) {
			return Response.error(HttpResponseStatus.BAD_REQUEST, 50035, "Invalid Form Body");
		}
		return new Response(HttpResponseStatus.NO_CONTENT, "");
	}

	private static Response unauthorized() {
		return Response.error(HttpResponseStatus.UNAUTHORIZED, 0, "401: Unauthorized");
	}

	private static Response notFound() {
		return Response.error(HttpResponseStatus.NOT_FOUND, 0, "404: Not Found");
	}

	private static Response methodNotAllowed() {
		return Response.error(HttpResponseStatus.METHOD_NOT_ALLOWED, 0, "405: Method Not Allowed");
	}

	private static void write(ChannelHandlerContext ctx, FullHttpRequest request, Response response) {
		FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.status(),
				Unpooled.copiedBuffer(response.body(), StandardCharsets.UTF_8));
		http.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
		response.headers().forEach(http.headers()::set);
		HttpUtil.setContentLength(http, http.content().readableBytes());
		boolean keepAlive = HttpUtil.isKeepAlive(request);
		HttpUtil.setKeepAlive(http, keepAlive);
		ChannelFuture written = ctx.writeAndFlush(http);
		if (!keepAlive) {
			written.addListener(ChannelFutureListener.CLOSE);
		}
	}

	private record Response(HttpResponseStatus status, String body, Map<String, String> headers) {

		Response(HttpResponseStatus status, String body) {
			this(status, body, Map.of());
		}

		Response withHeaders(Map<String, String> headers) {
			return new Response(this.status, this.body, headers);
		}

		static Response ok(JsonNode body) {
			return new Response(HttpResponseStatus.OK, Json.MAPPER.writeValueAsString(body));
		}

		static Response error(HttpResponseStatus status, int code, String message) {
			return new Response(status, Payloads.error(code, message));
		}

	}

}
