package com.mt5bridge.api;

import com.mt5bridge.broker.InvalidFieldException;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Query parameters with errors that name them (shared by every listing route). */
public final class Query {

  /** A count and its unit; a bare count is seconds ({@code step=60}). */
  private static final Pattern STEP = Pattern.compile("(\\d{1,9})([smhdSMHD]?)");

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

  /**
   * A step of time, or null when absent: a number of seconds, minutes, hours or days ({@code 30s} or
   * {@code 30}, {@code 5m}, {@code 1h}, {@code 1d}) or an ISO-8601 duration ({@code PT15M}), whole
   * seconds from one second to {@code max}.
   */
  public static Duration step(Context ctx, String name, Duration max) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    Duration step = null;
    Matcher shorthand = STEP.matcher(value.trim());
    try {
      if (shorthand.matches()) {
        long count = Long.parseLong(shorthand.group(1));
        step = switch (shorthand.group(2).toLowerCase(Locale.ROOT)) {
          case "s", "" -> Duration.ofSeconds(count);
          case "m" -> Duration.ofMinutes(count);
          case "h" -> Duration.ofHours(count);
          default -> Duration.ofDays(count);
        };
      } else {
        step = Duration.parse(value.trim());
      }
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      // reported below
    }
    if (step == null || step.compareTo(Duration.ofSeconds(1)) < 0 || step.compareTo(max) > 0 || step.getNano() != 0) {
      throw new InvalidFieldException(name, name + " must be whole seconds from 1s to " + max.toDays()
          + "d, such as 30s (or 30), 5m, 1h, 1d or PT15M");
    }
    return step;
  }

  /** {@code ?magic=}: a magic number (a strategy's, or 0 for trades made by hand), or null when absent. */
  public static Long magic(Context ctx) {
    String value = ctx.queryParam("magic");
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long magic = Long.parseLong(value.trim());
      if (magic >= 0) {
        return magic;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new InvalidFieldException("magic", "magic must be a whole number, 0 or more");
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
