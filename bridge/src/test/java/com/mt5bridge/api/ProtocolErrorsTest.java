package com.mt5bridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Jetty refuses before any route sees them answer in the contract's error shape too, not
 * with Jetty's HTML page: a scanner, a broken client or a proxy gets an answer it can read.
 */
class ProtocolErrorsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static HttpServer server;

  @BeforeAll
  static void start() {
    server = HttpServer.start("127.0.0.1", 0, JSON, 65536, routes -> routes.get("/ok", ctx -> ctx.result("ok")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_url_too_long_is_414_too_large() throws IOException {
    String answer = raw("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");

    assertRefused(answer, 414, "TOO_LARGE", "the URL is too long");
  }

  @Test
  void headers_too_large_are_too_large() throws IOException {
    String answer = raw("GET /ok HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(40_000) + "\r\n\r\n");

    assertRefused(answer, 431, "TOO_LARGE", "the request's headers are too large");
  }

  @Test
  void a_request_line_that_is_not_http_is_malformed() throws IOException {
    assertRefused(raw("GARBAGE\r\n\r\n"), 400, "MALFORMED", "the request is not one the server can read");
    assertRefused(raw("GET /ok HTTP/9.9\r\nHost: x\r\n\r\n"), 505, "MALFORMED", "the server speaks HTTP/1.1");
  }

  @Test
  void a_request_the_server_can_read_still_reaches_its_route() throws IOException {
    assertThat(raw("GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200").endsWith("ok");
  }

  private static void assertRefused(String answer, int status, String code, String message) {
    assertThat(answer).startsWith("HTTP/1.1 " + status + " ").contains("Content-Type: application/json");
    JsonNode error = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("error");
    assertThat(error.path("code").asString()).isEqualTo(code);
    assertThat(error.path("message").asString()).startsWith(message);
    assertThat(error.has("field")).isTrue();
  }

  /** Sends bytes no HTTP client library would, and reads the whole answer. */
  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
