package com.mt5bridge.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * HTTP load for the benchmarks: closed loops (N clients, each sending its next request when the
 * last one is answered) and a fixed rate (requests sent on schedule whether or not earlier ones are
 * answered, latency measured from the scheduled time, so a stall is not hidden).
 */
final class Load {

  /** What a run measured; latencies in microseconds. */
  record Result(String label, long requests, long errors, double seconds, long p50, long p99, long max) {
    double perSecond() {
      return requests / seconds;
    }

    String row() {
      return String.format("| %s | %,.0f/s | %,d µs | %,d µs | %,d µs | %d |", label, perSecond(), p50, p99, max, errors);
    }
  }

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .executor(Executors.newVirtualThreadPerTaskExecutor())
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  static HttpRequest post(String url, String token, String contentType, String body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder.build();
  }

  int send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  /** {@code clients} loops for {@code duration}; {@code next} gives client c's next request. */
  Result closedLoop(String label, int clients, Duration duration, IntFunction<HttpRequest> next)
      throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    List<long[]> latencies = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int id = c;
      long[] samples = new long[4_000_000 / clients + 1_000];
      latencies.add(samples);
      threads.add(Thread.ofVirtual().start(() -> {
        int n = 0;
        while (System.nanoTime() < end && n < samples.length - 1) {
          long sent = System.nanoTime();
          int status = send(next.apply(id));
          samples[++n] = (System.nanoTime() - sent) / 1_000;
          if (status != 200) {
            errors.incrementAndGet();
          }
        }
        samples[0] = n;
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return summarize(label, latencies, errors.get(), seconds);
  }

  /** {@code rate} requests a second for {@code duration}, each on its own virtual thread. */
  Result fixedRate(String label, int rate, Duration duration, IntFunction<HttpRequest> next)
      throws InterruptedException {
    int total = (int) (rate * duration.toSeconds());
    long[] samples = new long[total + 1];
    AtomicLong errors = new AtomicLong();
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      long scheduled = start + i * interval;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(Duration.ofNanos(wait));
      }
      int index = i;
      threads.add(Thread.ofVirtual().start(() -> {
        int status = send(next.apply(index));
        samples[index + 1] = (System.nanoTime() - scheduled) / 1_000;
        if (status != 200) {
          errors.incrementAndGet();
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    samples[0] = total;
    double seconds = (System.nanoTime() - start) / 1e9;
    return summarize(label, List.of(samples), errors.get(), seconds);
  }

  static Result summarize(String label, List<long[]> perClient, long errors, double seconds) {
    int count = 0;
    for (long[] s : perClient) {
      count += (int) s[0];
    }
    long[] all = new long[count];
    int at = 0;
    for (long[] s : perClient) {
      System.arraycopy(s, 1, all, at, (int) s[0]);
      at += (int) s[0];
    }
    Arrays.sort(all);
    return new Result(label, count, errors, seconds, percentile(all, 0.50), percentile(all, 0.99),
        all.length == 0 ? 0 : all[all.length - 1]);
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
