package com.mt5bridge.bench;

import com.mt5bridge.app.Main;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A server in its own JVM, as users run it (default JVM options unless the driver is given some),
 * so the load driver does not share it: the bridge, or the bare Javalin route the webhook benchmark
 * compares with.
 */
final class BridgeProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private BridgeProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The admin token of a benchmarked bridge. */
  static final String TOKEN = "bench-admin-token-0123456789";

  /** The bridge on {@code databaseUrl}, with persistence {@code on} or {@code off}. */
  static BridgeProcess start(String databaseUrl, String persistence, int journalWriters, List<String> jvmOptions)
      throws IOException, InterruptedException {
    Map<String, String> env = new HashMap<>();
    env.put("BRIDGE_DB_URL", databaseUrl);
    env.put("BRIDGE_ADMIN_TOKEN", TOKEN);
    env.put("BRIDGE_PERSISTENCE", persistence);
    env.put("BRIDGE_JOURNAL_WRITERS", String.valueOf(journalWriters));
    env.put("BRIDGE_DB_POOL_SIZE", "16");
    env.put("BRIDGE_DATA_DIR", "target/bench-data");
    env.put("BRIDGE_LOG_LEVEL", "WARN");
    return launch(Main.class.getName(), jvmOptions, env, "/api/broker/all", TOKEN);
  }

  /** {@link BareServer}: a Javalin route that parses JSON and answers, nothing else. */
  static BridgeProcess bare(List<String> jvmOptions) throws IOException, InterruptedException {
    return launch(BareServer.class.getName(), jvmOptions, Map.of(), "/ready", null);
  }

  private static BridgeProcess launch(String mainClass, List<String> jvmOptions, Map<String, String> env,
      String readyPath, String token) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("BRIDGE_"));
    builder.environment().putAll(env);
    builder.environment().put("BRIDGE_PORT", String.valueOf(port));
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
        Path.of("target", "bench-bridge.log").toFile()));
    BridgeProcess server = new BridgeProcess(builder.start(), port);
    server.awaitReady(readyPath, token);
    return server;
  }

  int port() {
    return port;
  }

  CpuMeter cpuMeter() {
    return new CpuMeter(process.toHandle());
  }

  private void awaitReady(String path, String token) throws InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest.Builder ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      ready.header("Authorization", "Bearer " + token);
    }
    for (int attempt = 0; attempt < 600; attempt++) {
      try {
        if (client.send(ready.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the server did not start; see target/bench-bridge.log");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
