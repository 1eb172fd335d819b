import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loopback load generator for the CloudEvents Player, JDK only. Sender threads post events,
 * each over its own persistent HTTP/1.1 connection, with unique ids
 * ({@code <prefix>-<sender>-<seq>}), alternating binary and structured mode, until the
 * duration or the request budget runs out; then it checks that every acknowledged event
 * was received (the app's uncapped {@code player.events.received} counter) and that the
 * events the app still lists are each sender's newest, in order, with their own data.
 * Exits 1 on any error or unaccounted event.
 *
 * <pre>
 * java sample-app/load/LoadTest.java --url=http://127.0.0.1:8080/ --senders=64 --seconds=60
 * </pre>
 *
 * Options: {@code url}, {@code senders} (64), {@code seconds} (60), {@code max-requests}
 * (10000000), {@code prefix} (load), {@code kept} (the app's {@code player.max-events}, 1000).
 */
public class LoadTest {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private static final int ERRORS_SHOWN = 5;

	// the only JSON this tool reads is the app's own output, so a few patterns do instead of a
	// parser
	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]*)\"");

	private static final Pattern DATA = Pattern.compile("\"data\"\\s*:\\s*\\{\"sender\":(\\d+),\"seq\":(\\d+)}");

	private static final Pattern COUNT = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+]+)");

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		URI target = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080/")).resolve("/");
		if (!InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
			throw new IllegalArgumentException("Only a loopback target is allowed: " + target);
		}
		int senderCount = Integer.parseInt(options.getOrDefault("senders", "64"));
		Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
		AtomicLong budget = new AtomicLong(Long.parseLong(options.getOrDefault("max-requests", "10000000")));
		String prefix = options.getOrDefault("prefix", "load");
		int kept = Integer.parseInt(options.getOrDefault("kept", "1000"));

		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(REQUEST_TIMEOUT)
			.build();
		Errors errors = new Errors();
		long receivedBefore = receivedTotal(client, target);

		CountDownLatch start = new CountDownLatch(1);
		List<Sender> senders = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		long deadline = System.nanoTime() + duration.toNanos();
		for (int i = 0; i < senderCount; i++) {
			Sender sender = new Sender(i, prefix, target, start, deadline, budget, errors);
			senders.add(sender);
			Thread thread = new Thread(sender, "sender-" + i);
			thread.start();
			threads.add(thread);
		}
		long began = System.nanoTime();
		start.countDown();
		long joinBy = deadline + REQUEST_TIMEOUT.toNanos() * 2;
		for (Thread thread : threads) {
			thread.join(Math.max(1, (joinBy - System.nanoTime()) / 1_000_000));
			if (thread.isAlive()) {
				throw new IllegalStateException(thread.getName() + " did not stop");
			}
		}
		double seconds = (System.nanoTime() - began) / 1e9;

		long acknowledged = senders.stream().mapToLong((sender) -> sender.acknowledged).sum();
		long requests = acknowledged + errors.count.get();
		long received = receivedTotal(client, target) - receivedBefore;
		List<String> failures = new ArrayList<>();
		if (errors.count.get() > 0) {
			failures.add(errors.count.get() + " errors");
		}
		if (received != acknowledged) {
			failures.add("acknowledged " + acknowledged + " but the app received " + received);
		}
		String listing = checkListing(client, target, prefix, senders, Math.min(kept, acknowledged), failures);

		long[] latencies = senders.stream().flatMapToLong((sender) -> Arrays.stream(sender.latencies())).toArray();
		Arrays.sort(latencies);
		System.out.printf("senders             %d, %.1f s, %s%n", senderCount, seconds, target);
		System.out.printf("requests            %d (%.0f/s)%n", requests, requests / seconds);
		System.out.printf("acknowledged (202)  %d%n", acknowledged);
		System.out.printf("errors              %d%n", errors.count.get());
		errors.shown().forEach((error) -> System.out.println("  " + error));
		System.out.printf("received (counter)  %d%n", received);
		System.out.printf("listed              %s%n", listing);
		System.out.printf("latency ms          p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f%n",
				percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
				percentile(latencies, 0.999), percentile(latencies, 1.0));
		System.out.println(failures.isEmpty() ? "load: OK" : "load: FAILED: " + String.join("; ", failures));
		System.exit(failures.isEmpty() ? 0 : 1);
	}

	/**
	 * Check that the events the app lists end with the newest {@code expected} of this run,
	 * that each carries the data sent with its id, and that each sender's listed events are
	 * its newest, consecutive, oldest first: the store keeps the latest arrivals and each
	 * sender sends one event at a time.
	 */
	private static String checkListing(HttpClient client, URI target, String prefix, List<Sender> senders,
			long expected, List<String> failures) throws IOException, InterruptedException {
		String body = get(client, target.resolve("/api/events"));
		List<String> ids = ID.matcher(body).results().map((match) -> match.group(1)).toList();
		List<String> data = DATA.matcher(body)
			.results()
			.map((match) -> match.group(1) + "-" + match.group(2))
			.toList();
		int problemsBefore = failures.size();
		if (ids.size() < expected) {
			failures.add("listed " + ids.size() + " events, expected at least " + expected);
			return ids.size() + " events";
		}
		List<String> tail = ids.subList((int) (ids.size() - expected), ids.size());
		long[] next = new long[senders.size()];
		Arrays.fill(next, -1);
		for (int i = 0; i < tail.size(); i++) {
			String id = tail.get(i);
			String[] parts = id.split("-");
			if (parts.length != 3 || !parts[0].equals(prefix)) {
				failures.add("listed event " + id + " is not one of this run's newest");
				break;
			}
			int sender = Integer.parseInt(parts[1]);
			long seq = Long.parseLong(parts[2]);
			String expectedData = parts[1] + "-" + parts[2];
			int dataIndex = data.size() - tail.size() + i;
			if (dataIndex < 0 || !data.get(dataIndex).equals(expectedData)) {
				failures.add("listed event " + id + " does not carry its own data");
				break;
			}
			if (next[sender] != -1 && seq != next[sender]) {
				failures.add("listed event " + id + " out of order or after a gap");
				break;
			}
			next[sender] = seq + 1;
		}
		for (Sender sender : senders) {
			if (next[sender.index] != -1 && next[sender.index] != sender.lastAcknowledged + 1) {
				failures.add("sender " + sender.index + "'s newest listed event is not its last acknowledged one");
			}
		}
		return tail.size() + " of this run's events (" + expected + " expected)"
				+ ((failures.size() == problemsBefore) ? ": each sender's newest, in order, ids and data match" : "");
	}

	private static long receivedTotal(HttpClient client, URI target) throws IOException, InterruptedException {
		Matcher matcher = COUNT.matcher(get(client, target.resolve("/actuator/metrics/player.events.received")));
		if (!matcher.find()) {
			throw new IllegalStateException("No player.events.received count");
		}
		return (long) Double.parseDouble(matcher.group(1));
	}

	private static String get(HttpClient client, URI uri) throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).build(),
				BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + uri + ": HTTP " + response.statusCode());
		}
		return response.body();
	}

	private static double percentile(long[] sorted, double fraction) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(fraction * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Expected --name=value, got " + arg);
			}
			options.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		return options;
	}

	/**
	 * Sends events one at a time on its own thread; its counts are read after it stopped.
	 */
	private static final class Sender implements Runnable {

		private final int index;

		private final String prefix;

		private final Connection connection;

		private final String host;

		private final CountDownLatch start;

		private final long deadline;

		private final AtomicLong budget;

		private final Errors errors;

		private long[] latencies = new long[4096];

		private int latencyCount;

		private long acknowledged;

		private long lastAcknowledged = -1;

		Sender(int index, String prefix, URI target, CountDownLatch start, long deadline, AtomicLong budget,
				Errors errors) {
			this.index = index;
			this.prefix = prefix;
			this.connection = new Connection(new InetSocketAddress(target.getHost(), target.getPort()));
			this.host = target.getHost() + ":" + target.getPort();
			this.start = start;
			this.deadline = deadline;
			this.budget = budget;
			this.errors = errors;
		}

		@Override
		public void run() {
			try {
				this.start.await();
				for (long seq = 0; System.nanoTime() < this.deadline && this.budget.getAndDecrement() > 0; seq++) {
					send(seq);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.connection.close();
			}
		}

		private void send(long seq) {
			String id = this.prefix + "-" + this.index + "-" + seq;
			String data = "{\"sender\":" + this.index + ",\"seq\":" + seq + "}";
			byte[] request = ((seq % 2 == 0) ? binary(id, data) : structured(id, data)).getBytes(StandardCharsets.UTF_8);
			long began = System.nanoTime();
			try {
				Response response = this.connection.exchange(request);
				record(System.nanoTime() - began);
				if (response.status() == 202) {
					this.acknowledged++;
					this.lastAcknowledged = seq;
				}
				else {
					this.errors.add(id + ": HTTP " + response.status() + " "
							+ response.body().substring(0, Math.min(response.body().length(), 300)));
				}
			}
			catch (IOException ex) {
				record(System.nanoTime() - began);
				this.connection.close();
				this.errors.add(id + ": " + ex);
			}
		}

		private String binary(String id, String data) {
			return post(id, "Content-Type: application/json\r\nce-specversion: 1.0\r\nce-id: " + id
					+ "\r\nce-type: dev.cloudevents.load\r\nce-source: /load/sender-" + this.index + "\r\n", data);
		}

		private String structured(String id, String data) {
			String event = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"dev.cloudevents.load\","
					+ "\"source\":\"/load/sender-" + this.index + "\",\"datacontenttype\":\"application/json\","
					+ "\"data\":" + data + "}";
			return post(id, "Content-Type: application/cloudevents+json; charset=UTF-8\r\n", event);
		}

		// Load-Id names the event in the server's access log, for either mode; all of it is ASCII
		private String post(String id, String headers, String body) {
			return "POST / HTTP/1.1\r\nHost: " + this.host + "\r\nLoad-Id: " + id + "\r\n" + headers
					+ "Content-Length: " + body.length() + "\r\n\r\n" + body;
		}

		private void record(long nanos) {
			if (this.latencyCount == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.latencies.length * 2);
			}
			this.latencies[this.latencyCount++] = nanos;
		}

		long[] latencies() {
			return Arrays.copyOf(this.latencies, this.latencyCount);
		}

	}

	/**
	 * One persistent HTTP/1.1 connection over a blocking socket, opened when needed and
	 * closed when the server says {@code Connection: close}. The generator's own client,
	 * so that an error it reports is what the server did: the JDK's pooled
	 * {@code HttpClient} itself loses about one response in a million under this load
	 * (RELIABILITY.md).
	 */
	private static final class Connection {

		private final InetSocketAddress address;

		private Socket socket;

		private InputStream in;

		private OutputStream out;

		Connection(InetSocketAddress address) {
			this.address = address;
		}

		Response exchange(byte[] request) throws IOException {
			if (this.socket == null) {
				Socket socket = new Socket();
				socket.setTcpNoDelay(true);
				socket.connect(this.address, (int) REQUEST_TIMEOUT.toMillis());
				socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
				this.socket = socket;
				this.in = new BufferedInputStream(socket.getInputStream());
				this.out = socket.getOutputStream();
			}
			this.out.write(request);
			this.out.flush();
			String statusLine = line();
			if (statusLine == null) {
				throw new IOException("the server closed the connection without answering");
			}
			int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
			int length = 0;
			boolean chunked = false;
			boolean close = false;
			for (String header = nextLine(); !header.isEmpty(); header = nextLine()) {
				int colon = header.indexOf(':');
				String name = header.substring(0, colon).trim();
				String value = header.substring(colon + 1).trim();
				if (name.equalsIgnoreCase("Content-Length")) {
					length = Integer.parseInt(value);
				}
				else if (name.equalsIgnoreCase("Transfer-Encoding")) {
					chunked = value.equalsIgnoreCase("chunked");
				}
				else if (name.equalsIgnoreCase("Connection")) {
					close = value.equalsIgnoreCase("close");
				}
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (chunked) {
				int size;
				while ((size = Integer.parseInt(nextLine().split(";")[0].trim(), 16)) > 0) {
					body.write(bytes(size));
					nextLine();
				}
				while (!nextLine().isEmpty()) {
					// trailer fields are skipped
				}
			}
			else {
				body.write(bytes(length));
			}
			if (close) {
				close();
			}
			return new Response(status, body.toString(StandardCharsets.UTF_8));
		}

		/** A CRLF-terminated line, or {@code null} at the end of the stream before it. */
		private String line() throws IOException {
			StringBuilder line = new StringBuilder();
			for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
				if (b == -1) {
					if (line.isEmpty()) {
						return null;
					}
					throw new EOFException("the server closed the connection in the middle of a line: " + line);
				}
				if (b != '\r') {
					line.append((char) b);
				}
			}
			return line.toString();
		}

		private String nextLine() throws IOException {
			String line = line();
			if (line == null) {
				throw new EOFException("the server closed the connection in the middle of its answer");
			}
			return line;
		}

		private byte[] bytes(int count) throws IOException {
			byte[] bytes = this.in.readNBytes(count);
			if (bytes.length < count) {
				throw new EOFException("the server closed the connection in the middle of its answer");
			}
			return bytes;
		}

		void close() {
			if (this.socket != null) {
				try {
					this.socket.close();
				}
				catch (IOException ex) {
					// the connection is dropped either way
				}
				this.socket = null;
			}
		}

	}

	private record Response(int status, String body) {
	}

	/**
	 * Counts errors from every sender and keeps the first few messages.
	 */
	private static final class Errors {

		private final AtomicLong count = new AtomicLong();

		private final List<String> shown = new ArrayList<>();

		void add(String message) {
			this.count.incrementAndGet();
			synchronized (this.shown) {
				if (this.shown.size() < ERRORS_SHOWN) {
					this.shown.add(message);
				}
			}
		}

		List<String> shown() {
			synchronized (this.shown) {
				return List.copyOf(this.shown);
			}
		}

	}

}
