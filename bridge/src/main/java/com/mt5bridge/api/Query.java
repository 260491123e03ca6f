package com.mt5bridge.api;

import com.mt5bridge.broker.InvalidFieldException;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters with errors that name them (shared by every listing route). */
public final class Query {

  private Query() {}

  /** An ISO-8601 instant, or null when absent. */
  public static Instant instant(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(name, name + " must be an ISO-8601 UTC time such as 2026-11-21T10:00:00Z");
    }
  }

  public static int limit(Context ctx, int fallback, int max) {
    String value = ctx.queryParam("limit");
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new InvalidFieldException("limit", "limit must be a whole number from 1 to " + max);
  }
}
