package com.mt5bridge.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * An open-loop load at a fixed rate over persistent HTTP/1.1 connections: request i is due at
 * start + i/rate and goes out on connection i mod n, and its latency counts from when it was due,
 * so a stall shows up in the figures instead of slowing the load (no coordinated omission). Plain
 * sockets keep the driver's own cost and jitter out of the measurement.
 */
final class PacedHttp {

  /** One request: path, content type and body. */
  record Request(String path, String contentType, String body) {}

  private PacedHttp() {}

  static Load.Result run(String label, int port, String token, int rate, Duration duration, int connections,
      IntFunction<Request> next) throws InterruptedException {
    int total = (int) (rate * duration.toSeconds());
    long[] samples = new long[total + 1];
    AtomicLong errors = new AtomicLong();
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int connection = c;
      threads.add(Thread.ofPlatform().daemon().start(() -> {
        try (Socket socket = new Socket("127.0.0.1", port)) {
          socket.setTcpNoDelay(true);
          OutputStream out = socket.getOutputStream();
          InputStream in = new BufferedInputStream(socket.getInputStream());
          for (int i = connection; i < total; i += connections) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
              Thread.sleep(Duration.ofNanos(wait));
            }
            Request request = next.apply(i);
            byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
            String head = "POST " + request.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                + request.contentType() + "\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            int status = readResponse(in);
            samples[i + 1] = (System.nanoTime() - due) / 1_000;
            if (status != 200) {
              errors.incrementAndGet();
            }
          }
        } catch (IOException | InterruptedException e) {
          errors.incrementAndGet();
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    samples[0] = total;
    double seconds = (System.nanoTime() - start) / 1e9;
    return Load.summarize(label, List.of(samples), errors.get(), seconds);
  }

  /** Reads one response (Content-Length or chunked) and returns its status. */
  private static int readResponse(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    int length = -1;
    boolean chunked = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      String lower = header.toLowerCase();
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(header.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
        in.readNBytes(size);
        line(in);
      }
      line(in);
    } else if (length > 0) {
      in.readNBytes(length);
    }
    return status;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
