package com.mt5bridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy in front of MariaDB that breaks the connection a commit goes over, once, at the worst
 * moment: before the server gets the commit, or after the server has carried it out but before its
 * answer reaches the bridge. All else passes through untouched. It recognises the journal's commit by
 * the end of its compound statement ({@code COMMIT; END}), sent as text.
 */
public final class CuttingProxy implements AutoCloseable {

  /** Where the next commit's connection breaks. */
  public enum Cut { BEFORE_COMMIT, AFTER_COMMIT }

  private static final byte[] COMMIT = "COMMIT;\nEND".getBytes(StandardCharsets.US_ASCII);

  private final URI target;
  private final ServerSocket listener;
  private final AtomicReference<Cut> armed = new AtomicReference<>();
  private final AtomicInteger cuts = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  /** @param jdbcUrl the server's URL, {@code jdbc:mariadb://host:port/database} */
  public CuttingProxy(String jdbcUrl) throws IOException {
    this.target = URI.create(jdbcUrl.substring("jdbc:".length()));
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().name("cutting-proxy").daemon().start(this::accept);
  }

  /** The same database, reached through the proxy. */
  public String jdbcUrl() {
    return "jdbc:mariadb://127.0.0.1:" + listener.getLocalPort() + target.getRawPath();
  }

  /** Breaks the connection of the next commit, as {@code cut} says. */
  public void arm(Cut cut) {
    armed.set(cut);
  }

  /** How many connections were broken so far. */
  public int cuts() {
    return cuts.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(target.getHost(), target.getPort());
        sockets.add(client);
        sockets.add(server);
        Link link = new Link(client, server);
        Thread.ofPlatform().daemon().start(link::clientToServer);
        Thread.ofPlatform().daemon().start(link::serverToClient);
      } catch (IOException e) {
        return;
      }
    }
  }

  /** One proxied connection. */
  private final class Link {
    final Socket client;
    final Socket server;
    volatile boolean cutAtAnswer;

    Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void clientToServer() {
      byte[] seen = new byte[0];
      try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) > 0; ) {
          // The marker may straddle two reads: look at the end of the last one too (short of a whole
          // marker, which was seen then).
          byte[] window = Arrays.copyOf(seen, seen.length + n);
          System.arraycopy(buffer, 0, window, seen.length, n);
          seen = Arrays.copyOfRange(window, Math.max(0, window.length - COMMIT.length + 1), window.length);
          if (contains(window, COMMIT)) {
            Cut cut = armed.getAndSet(null);
            if (cut == Cut.BEFORE_COMMIT) {
              cut();
              return;
            }
            cutAtAnswer = cut == Cut.AFTER_COMMIT;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed
      } finally {
        closeBoth();
      }
    }

    void serverToClient() {
      try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) > 0; ) {
          if (cutAtAnswer) {
            // The server has committed and is answering: the answer never arrives.
            cut();
            return;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed
      } finally {
        closeBoth();
      }
    }

    private void cut() {
      cuts.incrementAndGet();
      closeBoth();
    }

    private void closeBoth() {
      close(client);
      close(server);
    }
  }

  private static boolean contains(byte[] data, byte[] marker) {
    outer:
    for (int i = 0; i + marker.length <= data.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (data[i + j] != marker[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    sockets.forEach(CuttingProxy::close);
  }
}
