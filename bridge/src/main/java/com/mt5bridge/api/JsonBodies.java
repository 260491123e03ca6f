package com.mt5bridge.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The API takes JSON, uncompressed: a body sent with another content type or with a
 * {@code Content-Encoding} is 415 UNSUPPORTED_MEDIA_TYPE. Except a strategy's preview, which takes an
 * alert as TradingView sends it, text included (and checks it so).
 */
public final class JsonBodies implements Handler {

  private static final Pattern ALERT_BODY = Pattern.compile("/api/strategies/[^/]+/preview");

  @Override
  public void handle(Context ctx) {
    HandlerType method = ctx.method();
    if (method != HandlerType.POST && method != HandlerType.PUT && method != HandlerType.PATCH
        || ALERT_BODY.matcher(ctx.path()).matches()) {
      return;
    }
    String type = ctx.header("Content-Type");
    if (type != null && !type.isBlank() && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "send JSON with 'Content-Type: application/json', not " + type, null);
    }
    String encoding = ctx.header("Content-Encoding");
    if (ContentEncoding.compressed(encoding)) {
      throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the JSON uncompressed: Content-Encoding "
          + encoding + " is not read", null);
    }
  }
}
