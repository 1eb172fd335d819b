package dev.cloudevents.spring.benchmarks.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on the loopback interface whose connections can be cut: {@link #cut()}
 * closes every connection and stops listening, so clients see their connection drop and
 * then connections refused, as when a broker goes away; {@link #restore()} listens on the
 * same port again.
 */
final class TcpProxy implements AutoCloseable {

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile int targetPort;

	private volatile ServerSocket server;

	TcpProxy() throws IOException {
		this.server = listen(0);
		this.port = this.server.getLocalPort();
		accept(this.server);
	}

	int port() {
		return this.port;
	}

	/** Forward new connections to this port of the loopback interface. */
	void forwardTo(int targetPort) {
		this.targetPort = targetPort;
	}

	synchronized void cut() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.sockets.clear();
	}

	synchronized void restore() throws IOException {
		this.server = listen(this.port);
		accept(this.server);
	}

	@Override
	public void close() throws IOException {
		cut();
	}

	private static ServerSocket listen(int port) throws IOException {
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		return server;
	}

	private void accept(ServerSocket server) {
		Thread acceptor = new Thread(() -> {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					if (this.targetPort == 0) {
						client.close();
						continue;
					}
					Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
					client.setTcpNoDelay(true);
					upstream.setTcpNoDelay(true);
					this.sockets.add(client);
					this.sockets.add(upstream);
					if (server.isClosed()) {
						// cut() ran since accept() returned
						closeQuietly(client);
						closeQuietly(upstream);
						continue;
					}
					pump(client, upstream);
					pump(upstream, client);
				}
				catch (IOException ex) {
					// closed by cut(), or the broker refused: the client sees its
					// connection fail
				}
			}
		}, "proxy-accept-" + this.port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void pump(Socket from, Socket to) {
		Thread pump = new Thread(() -> {
			byte[] buffer = new byte[64 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
				}
			}
			catch (IOException ex) {
				// one side closed or was cut
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.sockets.remove(from);
				this.sockets.remove(to);
			}
		}, "proxy-pump");
		pump.setDaemon(true);
		pump.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
