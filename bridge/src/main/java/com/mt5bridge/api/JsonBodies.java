package com.mt5bridge.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Locale;

/** The API takes JSON: a body sent with another content type is 415 UNSUPPORTED_MEDIA_TYPE. */
public final class JsonBodies implements Handler {

  @Override
  public void handle(Context ctx) {
    HandlerType method = ctx.method();
    if (method != HandlerType.POST && method != HandlerType.PUT && method != HandlerType.PATCH) {
      return;
    }
    String type = ctx.header("Content-Type");
    if (type != null && !type.isBlank() && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "send JSON with 'Content-Type: application/json', not " + type, null);
    }
  }
}
