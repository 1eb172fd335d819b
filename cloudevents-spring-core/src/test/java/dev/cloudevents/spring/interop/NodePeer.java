package dev.cloudevents.spring.interop;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the CloudEvents JavaScript SDK (npm {@code cloudevents}, pinned in
 * {@code src/test/js/package.json}) through {@code src/test/js/peer.mjs}, as a
 * subprocess. See {@code src/test/js/PEER-NOTES.md} for that SDK's departures from the
 * specification.
 * <p>
 * {@link #send} posts one event with the SDK's HTTP emitter; {@link #start()} runs the
 * SDK as an HTTP receiver. Events are exchanged in the CloudEvents JSON format; binary
 * data is always given as {@code data_base64}.
 */
public final class NodePeer {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Object INSTALL_LOCK = new Object();

	private final Path node;

	private final Path directory;

	private NodePeer(Path node, Path directory) {
		this.node = node;
		this.directory = directory;
	}

	/**
	 * Return a peer, installing the JavaScript dependencies with {@code npm ci} first if
	 * {@code node_modules} is missing.
	 * @return the peer
	 * @throws IllegalStateException if {@code node} is not installed or {@code npm ci}
	 * fails
	 */
	public static NodePeer create() {
		Path node = findNode().orElseThrow(() -> new IllegalStateException(
				"No 'node' executable on the PATH (or in the NODE_BINARY environment variable)"));
		Path directory = scriptDirectory();
		installDependencies(node, directory);
		return new NodePeer(node, directory);
	}

	/**
	 * Whether a {@code node} executable can be found, for test assumptions.
	 * @return {@code true} if {@link #create()} can find {@code node}
	 */
	public static boolean isNodeAvailable() {
		return findNode().isPresent();
	}

	/**
	 * Start the SDK as an HTTP receiver on a random port of 127.0.0.1.
	 * @return the running receiver, to be closed
	 * @throws IOException if the process cannot be started or does not come up within 30
	 * seconds
	 */
	public Receiver start() throws IOException {
		Path work = Files.createTempDirectory("node-peer-receiver");
		Path portFile = work.resolve("port");
		ProcessBuilder builder = command("receive", portFile.toString());
		builder.redirectOutput(work.resolve("stdout.jsonl").toFile());
		builder.redirectError(work.resolve("stderr.txt").toFile());
		Process process = builder.start();
		try {
			int port = awaitPort(process, portFile, work.resolve("stderr.txt"));
			return new Receiver(process, port, work);
		}
		catch (IOException | RuntimeException ex) {
			process.destroyForcibly();
			throw ex;
		}
	}

	/**
	 * Build an event with the SDK from its CloudEvents JSON description, encode it in the
	 * given content mode and POST it to {@code url}.
	 * @param url where to post
	 * @param mode {@code "binary"} or {@code "structured"}
	 * @param eventJson the event in the CloudEvents JSON format (1.0 or 0.3)
	 * @return what happened
	 * @throws IOException if the peer crashes or prints no result
	 */
	public SendResult send(URI url, String mode, String eventJson) throws IOException {
		return send(url, mode, eventJson, false);
	}

	/**
	 * Like {@link #send(URI, String, String)}, optionally without the SDK's validation
	 * ({@code new CloudEvent(event, false)}), to send events the SDK would refuse.
	 * @param url where to post
	 * @param mode {@code "binary"} or {@code "structured"}
	 * @param eventJson the event in the CloudEvents JSON format (1.0 or 0.3)
	 * @param lenient whether to skip the SDK's validation
	 * @return what happened
	 * @throws IOException if the peer crashes or prints no result
	 */
	public SendResult send(URI url, String mode, String eventJson, boolean lenient) throws IOException {
		Path work = Files.createTempDirectory("node-peer-send");
		try {
			Path eventFile = Files.writeString(work.resolve("event.json"), eventJson, StandardCharsets.UTF_8);
			List<String> arguments = new ArrayList<>(List.of("send", url.toString(), mode, eventFile.toString()));
			if (lenient) {
				arguments.add("--lenient");
			}
			ProcessBuilder builder = command(arguments.toArray(String[]::new));
			Path stdout = work.resolve("stdout.json");
			builder.redirectOutput(stdout.toFile());
			builder.redirectError(work.resolve("stderr.txt").toFile());
			int exit = run(builder, PROCESS_TIMEOUT);
			String output = Files.readString(stdout, StandardCharsets.UTF_8).strip();
			if (exit != 0 || output.isEmpty()) {
				throw new IOException("peer.mjs send exited with " + exit + ": " + output
						+ Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8));
			}
			return SendResult.of(JSON.readTree(lastLine(output)));
		}
		finally {
			deleteRecursively(work);
		}
	}

	private ProcessBuilder command(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(this.node.toString());
		command.add("peer.mjs");
		command.addAll(List.of(arguments));
		return new ProcessBuilder(command).directory(this.directory.toFile());
	}

	private static int awaitPort(Process process, Path portFile, Path stderr) throws IOException {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (!Files.exists(portFile)) {
			if (!process.isAlive()) {
				throw new IOException("peer.mjs receive exited with " + process.exitValue() + ": "
						+ Files.readString(stderr, StandardCharsets.UTF_8));
			}
			if (System.nanoTime() - deadline > 0) {
				throw new IOException("peer.mjs receive did not write its port within " + STARTUP_TIMEOUT);
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
		}
		// peer.mjs renames a complete file into place, so its content is whole
		return Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).strip());
	}

	private static int run(ProcessBuilder builder, Duration timeout) throws IOException {
		Process process = builder.start();
		process.getOutputStream().close();
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IOException(String.join(" ", builder.command()) + " did not finish within " + timeout);
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new InterruptedIOException(ex.getMessage());
		}
	}

	private static String lastLine(String output) {
		int newline = output.lastIndexOf('\n');
		return (newline < 0) ? output : output.substring(newline + 1);
	}

	private static Optional<Path> findNode() {
		String explicit = System.getenv("NODE_BINARY");
		if (explicit != null && !explicit.isBlank()) {
			return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
		}
		return findOnPath("node");
	}

	private static Optional<Path> findOnPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		return Stream.of(path.split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map((entry) -> Path.of(entry, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static Path scriptDirectory() {
		// Maven runs tests in the module directory (this one or a sibling); an IDE may
		// run
		// them in the root
		for (String candidate : List.of("src/test/js", "../cloudevents-spring-core/src/test/js",
				"cloudevents-spring-core/src/test/js")) {
			Path directory = Path.of(candidate).toAbsolutePath();
			if (Files.isRegularFile(directory.resolve("peer.mjs"))) {
				return directory;
			}
		}
		throw new IllegalStateException("Cannot find src/test/js/peer.mjs from " + Path.of("").toAbsolutePath());
	}

	private static void installDependencies(Path node, Path directory) {
		synchronized (INSTALL_LOCK) {
			if (Files.isRegularFile(directory.resolve("node_modules/cloudevents/package.json"))) {
				return;
			}
			Path npm = Optional.of(node.resolveSibling("npm"))
				.filter(Files::isExecutable)
				.or(() -> findOnPath("npm"))
				.orElseThrow(
						() -> new IllegalStateException("No 'npm' executable next to " + node + " or on the PATH"));
			ProcessBuilder builder = new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund")
				.directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD);
			try {
				int exit = run(builder, NPM_TIMEOUT);
				if (exit != 0) {
					throw new IllegalStateException("npm ci failed with exit code " + exit + " in " + directory);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// best effort: temporary files only
		}
	}

	/**
	 * The JavaScript SDK running as an HTTP receiver. Every POST is parsed with
	 * {@code HTTP.toEvent} and answered 202, or 400 with the SDK's error message.
	 */
	public static final class Receiver implements AutoCloseable {

		private final Process process;

		private final int port;

		private final Path work;

		private Receiver(Process process, int port, Path work) {
			this.process = process;
			this.port = port;
			this.work = work;
		}

		/**
		 * Return the port the receiver listens on, on 127.0.0.1.
		 * @return the port
		 */
		public int port() {
			return this.port;
		}

		/**
		 * Return the URI to post events to.
		 * @return {@code http://127.0.0.1:<port>/}
		 */
		public URI uri() {
			return URI.create("http://127.0.0.1:" + this.port + "/");
		}

		/**
		 * Return one record per request received so far, oldest first. Each is an object
		 * with {@code mode} ({@code binary}, {@code structured}, {@code batch} or
		 * {@code none}, as the SDK detects it), {@code headers} (as Node received them,
		 * lower-case names), {@code body} (text, or base64 when {@code bodyBase64} is
		 * true) and either {@code event} (CloudEvents JSON, binary data as
		 * {@code data_base64}), {@code events} (a batch) or {@code error} (the SDK's
		 * message when it rejected the request).
		 * @return the records
		 * @throws IOException if the receiver cannot be reached
		 */
		public List<JsonNode> receivedEvents() throws IOException {
			HttpRequest request = HttpRequest.newBuilder(uri().resolve("/events")).GET().build();
			try {
				HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					throw new IOException("GET /events answered " + response.statusCode());
				}
				List<JsonNode> records = new ArrayList<>();
				JSON.readTree(response.body()).forEach(records::add);
				return records;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException(ex.getMessage());
			}
		}

		/**
		 * Stop the receiver by closing its standard input, and wait for it to exit.
		 */
		@Override
		public void close() {
			try {
				this.process.getOutputStream().close();
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (IOException ex) {
				this.process.destroyForcibly();
			}
			catch (InterruptedException ex) {
				this.process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
			finally {
				deleteRecursively(this.work);
			}
		}

	}

	/**
	 * What {@code peer.mjs send} printed.
	 *
	 * @param status the HTTP status of the response, or -1 if nothing was sent
	 * @param headers the response headers (lower-case names)
	 * @param body the response body, as text
	 * @param sent what the SDK encoded: {@code headers}, {@code body} and
	 * {@code bodyBase64}; missing if it refused to encode
	 * @param reply the response parsed by the SDK as a CloudEvent, if it was one
	 * ({@code null} otherwise)
	 * @param replyError the SDK's error if the response looked like a CloudEvent but did
	 * not parse
	 * @param error the SDK's (or fetch's) error when the event was not sent, else
	 * {@code null}
	 * @param stage where it failed: {@code build}, {@code encode} or {@code post}
	 * @param json the whole printed object
	 */
	public record SendResult(int status, Map<String, String> headers, String body, JsonNode sent, JsonNode reply,
			String replyError, String error, String stage, JsonNode json) {

		static SendResult of(JsonNode json) {
			Map<String, String> headers = new LinkedHashMap<>();
			json.path("headers")
				.properties()
				.forEach((entry) -> headers.put(entry.getKey(), entry.getValue().asString()));
			return new SendResult(json.path("status").asInt(-1), headers, text(json, "body"), json.get("sent"),
					json.get("reply"), text(json, "replyError"), text(json, "error"), text(json, "stage"), json);
		}

		private static String text(JsonNode json, String name) {
			JsonNode node = json.get(name);
			return (node != null && !node.isNull()) ? node.asString() : null;
		}

		/**
		 * Whether the SDK built, encoded and posted the event.
		 * @return {@code true} if a response was received
		 */
		public boolean delivered() {
			return this.error == null;
		}

	}

}
