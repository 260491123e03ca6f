package com.mt5bridge.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Jetty refuses before a route sees the request (a request line or URI it cannot read, a URI
 * or headers too long), in the contract's error shape instead of Jetty's HTML page.
 */
final class ProtocolErrors extends ErrorHandler {

  private static final int MAX_REASON = 200;

  private final JsonMapper mapper;

  ProtocolErrors(JsonMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  protected void generateResponse(Request request, Response response, int status, String reason, Throwable cause,
      Callback callback) throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(status, reason)), callback);
  }

  /** When the request could not even be parsed: the answer is written straight to the connection. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, reason));
  }

  private byte[] body(int status, String reason) {
    return mapper.writeValueAsBytes(error(status, reason).body());
  }

  private static ApiException error(int status, String reason) {
    String why = reason == null || reason.isBlank() ? "" : " (" + clip(reason) + ")";
    return switch (status) {
      case 414 -> new ApiException(ErrorCode.TOO_LARGE, "the URL is too long" + why, null);
      case 413 -> new ApiException(ErrorCode.TOO_LARGE, "the request is too large" + why, null);
      case 431 -> new ApiException(ErrorCode.TOO_LARGE, "the request's headers are too large" + why, null);
      case 404 -> new ApiException(ErrorCode.NOT_FOUND, "nothing here" + why, null);
      case 405 -> new ApiException(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed" + why, null);
      case 505 -> new ApiException(ErrorCode.MALFORMED, "the server speaks HTTP/1.1 and HTTP/2" + why, null);
      default -> status >= 500
          ? new ApiException(ErrorCode.INTERNAL, "internal error" + why, null)
          : new ApiException(ErrorCode.MALFORMED, "the request is not one the server can read" + why, null);
    };
  }

  private static String clip(String reason) {
    return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
  }
}
