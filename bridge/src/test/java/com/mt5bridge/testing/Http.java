package com.mt5bridge.testing;

import com.mt5bridge.api.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: real sockets, JSON parsed with the bridge's own mapper. */
public final class Http {

  private static final JsonMapper JSON = Json.mapper();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;

  public Http(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  public int port() {
    return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
  }

  /** The same client without the admin token (or with another one). */
  public Http withToken(String otherToken) {
    return new Http(port(), otherToken);
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, Object body) {
    String json = body instanceof String text ? text : JSON.writeValueAsString(body);
    return post(path, "application/json", json);
  }

  public Response post(String path, String contentType, String body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response put(String path, Object body) {
    String json = body instanceof String text ? text : JSON.writeValueAsString(body);
    return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  public Response send(String method, String path, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(builder::header);
    return send(builder);
  }

  /** A POST whose body goes out chunked, without Content-Length, as some proxies forward it. */
  public Response postChunked(String path, String contentType, String body) {
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return send(request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new AssertionError("HTTP request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Status, body and headers; {@link #json()} parses the body (decimals as BigDecimal). */
  public record Response(int status, String body, HttpHeaders headers) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    /** The error code of a contract error body. */
    public String errorCode() {
      return json().path("error").path("code").asString();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
