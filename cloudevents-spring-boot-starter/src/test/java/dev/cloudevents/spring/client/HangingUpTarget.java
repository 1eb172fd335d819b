package dev.cloudevents.spring.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP/1.1 target that reads each request whole and then hangs up without
 * answering the first {@code hangUps} of them, answering 202 to the rest: a target that
 * got the event while its answer never arrived, as when a client's connection pool drops
 * a response. One request per connection.
 */
final class HangingUpTarget implements AutoCloseable {

	private final ServerSocket server;

	private final int hangUps;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final List<Throwable> failures = new CopyOnWriteArrayList<>();

	private final Thread thread;

	HangingUpTarget(int hangUps) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.hangUps = hangUps;
		this.thread = new Thread(this::serve, "hanging-up-target");
		this.thread.start();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort() + "/events");
	}

	/**
	 * The requests read so far, head and body, each as ISO-8859-1 text.
	 */
	List<String> requests() {
		return List.copyOf(this.requests);
	}

	private void serve() {
		while (!this.server.isClosed()) {
			try (Socket connection = this.server.accept()) {
				connection.setSoTimeout(10_000);
				this.requests.add(read(connection.getInputStream()));
				if (this.requests.size() > this.hangUps) {
					connection.getOutputStream()
						.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
							.getBytes(StandardCharsets.ISO_8859_1));
				}
			}
			catch (IOException ex) {
				if (!this.server.isClosed()) {
					this.failures.add(ex);
				}
			}
		}
	}

	private static String read(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		for (int last4 = 0; last4 != 0x0D0A0D0A;) {
			int b = in.read();
			if (b == -1) {
				throw new EOFException("The client closed the connection in the request head: " + head);
			}
			head.write(b);
			last4 = (last4 << 8) | b;
		}
		String text = head.toString(StandardCharsets.ISO_8859_1);
		int length = 0;
		for (String line : text.split("\r\n")) {
			if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
				length = Integer.parseInt(line.substring(15).trim());
			}
		}
		byte[] body = in.readNBytes(length);
		if (body.length < length) {
			throw new EOFException("The client closed the connection in the request body");
		}
		return text + new String(body, StandardCharsets.ISO_8859_1);
	}

	/**
	 * Stop serving; fails if reading any request failed.
	 */
	@Override
	public void close() throws Exception {
		this.server.close();
		this.thread.join(10_000);
		if (!this.failures.isEmpty()) {
			throw new IllegalStateException("The target failed to read a request", this.failures.get(0));
		}
	}

}
