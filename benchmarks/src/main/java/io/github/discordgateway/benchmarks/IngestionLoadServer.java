package io.github.discordgateway.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway side of {@link EndToEndIngestion} and {@link SpringPathBenchmark}, run in its own JVM so that its
 * CPU, heap and GC are not the client's. A minimal gateway for one connection on 127.0.0.1, zlib-stream (binary
 * frames) when the WebSocket URL asks for {@code compress=zlib-stream}, else plain JSON in text frames: Hello,
 * READY (with one guild) and its GUILD_CREATE on Identify, ACK on heartbeat, and blasts of MESSAGE_CREATE
 * dispatches with increasing sequence numbers. It also answers the HTTP requests a client makes before it
 * connects ({@code GET /api/v10/gateway/bot}, {@code GET /api/v10/users/@me}), enough for this project's client
 * and for JDA. Resume is not supported (a benchmark run that reconnects is a failed run).
 * <p>
 * Why not the simulator: deflating ~1 KB per message costs the server more CPU than inflating costs the client,
 * so to saturate the client a blast is deflated ahead of time (through the connection's one zlib context, so the
 * stream stays valid) and then only written. Everything else the server sends (ACKs) must then take its place in
 * the stream after the prepared bytes; here that is one queue of encoded bytes in stream order. The simulator
 * also keeps every dispatch of a session for replay (a million 1 KB texts), which a load test does not want.
 * <p>
 * Driven by lines on stdin, answers on stdout: {@code PORT <port>} once listening; {@code PREPARE <n>} deflates
 * the next n dispatches (distinct payloads) and answers {@code PREPARED <first sequence>}; {@code GO} writes them
 * as fast as the socket takes them and answers {@code SENT <ms>}; {@code QUIT} or the end of stdin stops.
 */
final class IngestionLoadServer {

	/** Long enough that heartbeats are rare during a run; they are answered anyway. */
	private static final int HEARTBEAT_INTERVAL_MS = 41_250;

	/** Deflated frames are gathered into chunks of about this size, each written with one {@code write}. */
	private static final int CHUNK_BYTES = 64 * 1024;

	/** Messages deflated per event-loop task while preparing, so ACKs are not held up for long. */
	private static final int PREPARE_SLICE = 2_000;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String SELF_USER = "{\"id\":\"1100000000000000000\",\"username\":\"bench\","
			+ "\"discriminator\":\"0\",\"global_name\":null,\"bot\":true,\"avatar\":null,\"verified\":true,"
			+ "\"mfa_enabled\":false,\"flags\":0,\"public_flags\":0}";

	private IngestionLoadServer() {
	}

	public static void main(String[] args) throws Exception {
		String kind = (args.length > 0) ? args[0] : MessageCreatePayloads.PLAIN;
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
		CompletableFuture<Connection> connected = new CompletableFuture<>();
		try {
			Channel server = new ServerBootstrap().group(group)
				.channel(NioServerSocketChannel.class)
				.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(512 * 1024, 1024 * 1024))
				.childOption(ChannelOption.TCP_NODELAY, true)
				.childHandler(new ChannelInitializer<SocketChannel>() {
					@Override
					protected void initChannel(SocketChannel channel) {
						channel.pipeline()
							.addLast(new HttpServerCodec())
							.addLast(new HttpObjectAggregator(64 * 1024))
							.addLast(new RestEndpoints())
							.addLast(new WebSocketServerProtocolHandler("/", null, true, 64 * 1024, false, true))
							.addLast(new WebSocketFrameAggregator(1024 * 1024))
							.addLast(new Connection(kind, connected, out));
					}
				})
				.bind(new InetSocketAddress("127.0.0.1", 0))
				.syncUninterruptibly()
				.channel();
			int port = ((InetSocketAddress) server.localAddress()).getPort();
			out.println("PORT " + port);
			BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			String line;
			while ((line = commands.readLine()) != null && !line.equals("QUIT")) {
				Connection connection = connected.get(60, TimeUnit.SECONDS);
				if (line.startsWith("PREPARE ")) {
					int count = Integer.parseInt(line.substring("PREPARE ".length()).strip());
					long first = connection.prepare(count).get(10, TimeUnit.MINUTES);
					out.println("PREPARED " + first);
				}
				else if (line.equals("GO")) {
					connection.go();
				}
			}
		}
		finally {
			group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
		}
	}

	/**
	 * One client connection. Every field is touched only on the channel's event loop.
	 */
	private static final class Connection extends SimpleChannelInboundHandler<WebSocketFrame> {

		private final String kind;

		private final CompletableFuture<Connection> connected;

		private final PrintStream out;

		private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, false);

		/** Whether the connection asked for zlib-stream; else each message is a text frame of plain JSON. */
		private boolean zlib;

		private byte[] deflated = new byte[64 * 1024];

		/** Encoded frames in stream order, waiting to be written. */
		private final ArrayDeque<ByteBuf> outbox = new ArrayDeque<>();

		private ByteBuf chunk;

		/** From PREPARE to GO the outbox is only filled: the prepared blast waits for the signal. */
		private boolean holding;

		private long blastStart;

		private boolean blastRunning;

		private long sequence;

		private int payloadIndex;

		private ChannelHandlerContext context;

		Connection(String kind, CompletableFuture<Connection> connected, PrintStream out) {
			super(true);
			this.kind = kind;
			this.connected = connected;
			this.out = out;
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
			if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
				this.context = ctx;
				this.zlib = handshake.requestUri().contains("compress=zlib-stream");
				send(("{\"op\":10,\"s\":null,\"t\":null,\"d\":{\"heartbeat_interval\":" + HEARTBEAT_INTERVAL_MS + "}}")
					.getBytes(StandardCharsets.UTF_8));
			}
			super.userEventTriggered(ctx, event);
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
			if (!(frame instanceof TextWebSocketFrame text)) {
				return;
			}
			JsonNode message = MAPPER.readTree(text.text());
			int op = message.path("op").asInt(-1);
			if (op == 1) {
				send("{\"op\":11,\"s\":null,\"t\":null,\"d\":null}".getBytes(StandardCharsets.UTF_8));
			}
			else if (op == 2 && this.sequence == 0) {
				InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
				this.sequence = 2;
				send(("{\"t\":\"READY\",\"s\":1,\"op\":0,\"d\":{\"v\":10,\"user\":" + SELF_USER + ","
						+ "\"guilds\":[{\"id\":\"" + MessageCreatePayloads.GUILD_ID + "\",\"unavailable\":true}],"
						+ "\"session_id\":\"bench-session\",\"resume_gateway_url\":\"ws://127.0.0.1:" + local.getPort()
						+ "\",\"shard\":[0,1],\"private_channels\":[],\"relationships\":[],\"presences\":[],"
						+ "\"user_settings\":{},\"guild_join_requests\":[],\"application\":{\"id\":\"1100000000000000000\","
						+ "\"flags\":0}}}")
					.getBytes(StandardCharsets.UTF_8));
				send(("{\"t\":\"GUILD_CREATE\",\"s\":2,\"op\":0,\"d\":" + MessageCreatePayloads.guild() + "}")
					.getBytes(StandardCharsets.UTF_8));
				this.connected.complete(this);
			}
			else {
				System.err.println("load server: ignored op " + op + " (only Identify and Heartbeat are served)");
			}
		}

		CompletableFuture<Long> prepare(int count) {
			CompletableFuture<Long> prepared = new CompletableFuture<>();
			this.context.executor().execute(() -> {
				this.holding = true;
				prepareSlice(count, this.sequence + 1, prepared);
			});
			return prepared;
		}

		private void prepareSlice(int left, long first, CompletableFuture<Long> prepared) {
			int slice = Math.min(left, PREPARE_SLICE);
			for (int i = 0; i < slice; i++) {
				this.sequence++;
				encode(MessageCreatePayloads.dispatch(this.kind, this.payloadIndex++, this.sequence));
			}
			if (left > slice) {
				this.context.executor().execute(() -> prepareSlice(left - slice, first, prepared));
			}
			else {
				sealChunk();
				prepared.complete(first);
			}
		}

		void go() {
			this.context.executor().execute(() -> {
				this.holding = false;
				this.blastRunning = true;
				this.blastStart = System.nanoTime();
				drain();
			});
		}

		/** Deflates one message into the stream and writes it at once unless a blast is being held. */
		private void send(byte[] json) {
			encode(json);
			if (!this.holding) {
				sealChunk();
				drain();
			}
		}

		/**
		 * Deflates one message through the connection's zlib context and frames it as one binary frame, or frames
		 * it as it is in a text frame on an uncompressed connection.
		 */
		private void encode(byte[] json) {
			if (!this.zlib) {
				frame(0x81, json, json.length);
				return;
			}
			this.deflater.setInput(json);
			int length = 0;
			while (true) {
				length += this.deflater.deflate(this.deflated, length, this.deflated.length - length,
						Deflater.SYNC_FLUSH);
				if (length < this.deflated.length) {
					break;
				}
				this.deflated = Arrays.copyOf(this.deflated, this.deflated.length * 2);
			}
			frame(0x82, this.deflated, length);
		}

		/** Appends one unmasked server frame (FIN + the opcode; 7-bit, 16-bit or 64-bit length) to the chunk. */
		private void frame(int finAndOpcode, byte[] payload, int length) {
			if (this.chunk == null) {
				this.chunk = Unpooled.buffer(CHUNK_BYTES + Math.max(payload.length, 64 * 1024) + 16);
			}
			this.chunk.writeByte(finAndOpcode);
			if (length < 126) {
				this.chunk.writeByte(length);
			}
			else if (length < 65_536) {
				this.chunk.writeByte(126).writeShort(length);
			}
			else {
				this.chunk.writeByte(127).writeLong(length);
			}
			this.chunk.writeBytes(payload, 0, length);
			if (this.chunk.readableBytes() >= CHUNK_BYTES) {
				sealChunk();
			}
		}

		private void sealChunk() {
			if (this.chunk != null && this.chunk.isReadable()) {
				this.outbox.add(this.chunk);
				this.chunk = null;
			}
		}

		/** Writes queued chunks while the channel takes them; resumed when it becomes writable again. */
		private void drain() {
			Channel channel = this.context.channel();
			boolean wrote = false;
			while (!this.outbox.isEmpty() && channel.isWritable()) {
				channel.write(this.outbox.poll(), channel.voidPromise());
				wrote = true;
			}
			if (wrote) {
				channel.flush();
			}
			if (this.outbox.isEmpty() && this.blastRunning) {
				this.blastRunning = false;
				this.out.println("SENT " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.blastStart));
			}
		}

		@Override
		public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
			if (ctx.channel().isWritable() && !this.holding && this.context != null) {
				drain();
			}
			super.channelWritabilityChanged(ctx);
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) throws Exception {
			this.deflater.end();
			while (!this.outbox.isEmpty()) {
				this.outbox.poll().release();
			}
			if (this.chunk != null) {
				this.chunk.release();
			}
			System.err.println("load server: connection closed");
			super.channelInactive(ctx);
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			cause.printStackTrace();
			ctx.close();
		}

	}

	/**
	 * The HTTP requests made before connecting; any other request is passed on to the WebSocket handshake.
	 */
	private static final class RestEndpoints extends SimpleChannelInboundHandler<FullHttpRequest> {

		RestEndpoints() {
			super(false);
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
			String uri = request.uri();
			if (!uri.startsWith("/api/")) {
				ctx.fireChannelRead(request);
				return;
			}
			String body;
			if (uri.endsWith("/gateway/bot") || uri.endsWith("/gateway")) {
				int port = ((InetSocketAddress) ctx.channel().localAddress()).getPort();
				body = "{\"url\":\"ws://127.0.0.1:" + port + "\",\"shards\":1,\"session_start_limit\":{\"total\":1000,"
						+ "\"remaining\":1000,\"reset_after\":86400000,\"max_concurrency\":1}}";
			}
			else if (uri.endsWith("/users/@me")) {
				body = SELF_USER;
			}
			else {
				body = null;
				System.err.println("load server: no answer for " + request.method() + " " + uri);
			}
			FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
					(body != null) ? HttpResponseStatus.OK : HttpResponseStatus.NOT_FOUND,
					Unpooled.copiedBuffer((body != null) ? body : "{}", StandardCharsets.UTF_8));
			response.headers()
				.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
			HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
			request.release();
			ctx.writeAndFlush(response);
		}

	}

}
