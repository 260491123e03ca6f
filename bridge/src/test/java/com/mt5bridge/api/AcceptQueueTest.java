package com.mt5bridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The listening socket's backlog, as the kernel reports it, holds a burst of new connections. */
class AcceptQueueTest {

  @Test
  void the_kernel_queues_a_thousand_connections_for_the_server() throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/ss")), "needs ss (iproute2) to read the socket's backlog");
    try (HttpServer server = HttpServer.start("127.0.0.1", 0, JsonMapper.builder().build(), 65536, routes -> {})) {
      // For a listening socket, ss shows its backlog as Send-Q: "LISTEN 0 1024 127.0.0.1:port 0.0.0.0:*".
      Process ss = new ProcessBuilder("/usr/bin/ss", "-ltnH", "sport = :" + server.port()).start();
      String line = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertThat(ss.waitFor()).isZero();

      assertThat(line.split("\\s+")[2]).isEqualTo("1024");
    }
  }
}
