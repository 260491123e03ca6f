package com.mt5bridge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs wrk (Debian's package {@code wrk}) with a Lua script and reads its summary: a closed loop
 * driven by a C client, which leaves the bridge far more of this machine's two cores than a Java
 * client would.
 */
final class Wrk {

  private Wrk() {}

  static boolean available() {
    try {
      return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() <= 1;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /**
   * Says so when wrk is missing: the closed loops then run on a Java client inside the driver, which
   * takes CPU the servers would have had and slows the cheap bare route most, so neither the rates
   * nor the ratio compare with figures measured with wrk.
   */
  static void warnIfMissing() {
    if (!available()) {
      System.out.println("NOTE: wrk not found (Debian package wrk): closed loops run on the Java client, which "
          + "competes with the servers for CPU; these figures do not compare with BENCHMARKS.md's, taken with wrk.");
    }
  }

  /** {@code connections} concurrent clients for {@code seconds}, requests from the Lua {@code script}. */
  static Load.Result run(String label, String url, int connections, int seconds, String script)
      throws IOException, InterruptedException {
    Path lua = Files.createTempFile("bridge-load", ".lua");
    Files.writeString(lua, script);
    int threads = Math.min(2, connections);
    List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
        "--latency", "--timeout", "10s", "-s", lua.toString(), url));
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    wrk.waitFor(seconds + 60L, TimeUnit.SECONDS);
    Files.deleteIfExists(lua);
    long requests = number(output, "(\\d+) requests in");
    long errors = number(output, "Non-2xx or 3xx responses: (\\d+)") + number(output, "Socket errors: connect (\\d+)");
    return new Load.Result(label, requests, errors, seconds, micros(output, "50%"), micros(output, "99%"),
        micros(output, "Latency\\s+\\S+\\s+\\S+\\s+(\\S+)", 1));
  }

  private static long number(String output, String regex) {
    Matcher m = Pattern.compile(regex).matcher(output);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static long micros(String output, String percentile) {
    return micros(output, "\\s" + Pattern.quote(percentile) + "\\s+(\\S+)", 1);
  }

  /** wrk prints durations as 812.00us, 3.21ms or 1.02s. */
  private static long micros(String output, String regex, int group) {
    Matcher m = Pattern.compile(regex).matcher(output);
    if (!m.find()) {
      return 0;
    }
    String value = m.group(group);
    double number = Double.parseDouble(value.replaceAll("[a-z]+$", ""));
    if (value.endsWith("us")) {
      return Math.round(number);
    }
    if (value.endsWith("ms")) {
      return Math.round(number * 1_000);
    }
    if (value.endsWith("m")) {
      return Math.round(number * 60_000_000);
    }
    return Math.round(number * 1_000_000);
  }
}
