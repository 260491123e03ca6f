package com.mt5bridge.api;

import com.mt5bridge.broker.AccountExistsException;
import com.mt5bridge.broker.BrokerUnavailableException;
import com.mt5bridge.broker.InvalidFieldException;
import com.mt5bridge.broker.OutcomeUnknownException;
import com.mt5bridge.broker.UnknownAccountException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.math.BigDecimal;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every failure leaves the server in the contract's error shape; this is the only place that maps them. */
final class ErrorMapping {

  private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void install(RoutesConfig routes) {
    // Javalin keeps its own handling for HttpResponseException (404, 405, 413...) unless it is named.
    routes.exception(HttpResponseException.class, (e, ctx) -> handle(e, ctx));
    routes.exception(Exception.class, (e, ctx) -> handle(e, ctx));
  }

  static void handle(Throwable failure, Context ctx) {
    Throwable e = failure;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    ApiException mapped = switch (e) {
      case ApiException api -> api;
      case InvalidFieldException invalid -> ApiException.invalid(invalid.field(), invalid.getMessage());
      case UnknownAccountException unknown -> ApiException.notFound(unknown.getMessage());
      case AccountExistsException exists -> ApiException.conflict(exists.getMessage());
      case BrokerUnavailableException unavailable -> ApiException.unavailable(unavailable.getMessage());
      case OutcomeUnknownException unknown -> new ApiException(ErrorCode.OUTCOME_UNKNOWN, unknown.getMessage(), null);
      case JacksonException json -> fromJson(json);
      case HttpResponseException http -> fromStatus(http, ctx);
      default -> null;
    };
    if (mapped == null) {
      log.atError().setMessage("request failed").setCause(e)
          .addKeyValue("method", ctx.method()).addKeyValue("path", ctx.path()).log();
      mapped = new ApiException(ErrorCode.INTERNAL, "internal error; the bridge logged the details", null);
    }
    if (mapped.retryAfterSeconds() > 0) {
      ctx.header("Retry-After", Long.toString(mapped.retryAfterSeconds()));
    }
    ctx.status(mapped.code().status()).json(mapped.body());
  }

  /** Jackson failures: syntax is MALFORMED (400); a well-formed body with a wrong field is INVALID (422). */
  static ApiException fromJson(JacksonException e) {
    String field = fieldOf(e);
    if (e instanceof InputCoercionException outOfRange && field != null) {
      // Well-formed JSON: a whole number past what the field's type holds.
      boolean isInt = outOfRange.getTargetType() == int.class || outOfRange.getTargetType() == Integer.class;
      return ApiException.invalid(field, "field '" + field + "' is out of range: a whole number from "
          + (isInt ? Integer.MIN_VALUE + " to " + Integer.MAX_VALUE : Long.MIN_VALUE + " to " + Long.MAX_VALUE));
    }
    if (e instanceof StreamReadException && !(e instanceof MismatchedInputException)) {
      return ApiException.malformed("the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      String name = field != null ? field : unknown.getPropertyName();
      return ApiException.invalid(name, "unknown field '" + name + "'");
    }
    if (field == null) {
      return ApiException.malformed("the body does not have the expected shape: " + e.getOriginalMessage());
    }
    if (e instanceof InvalidFormatException invalid && invalid.getValue() instanceof BigDecimal) {
      return ApiException.invalid(field, "field '" + field + "' " + e.getOriginalMessage()); // BoundedDecimals
    }
    return ApiException.invalid(field, "field '" + field + "' has the wrong type or value");
  }

  private static String fieldOf(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? null : path.toString();
  }

  private static ApiException fromStatus(HttpResponseException e, Context ctx) {
    for (ErrorCode code : ErrorCode.values()) {
      if (code.status() == e.getStatus()) {
        String message = switch (code) {
          case NOT_FOUND -> "no route " + ctx.method() + " " + ctx.path();
          case METHOD_NOT_ALLOWED -> "method " + ctx.method() + " is not allowed on " + ctx.path();
          case TOO_LARGE -> "the body is too large";
          default -> e.getMessage();
        };
        return new ApiException(code, message, null);
      }
    }
    return new ApiException(e.getStatus() >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED, e.getMessage(), null);
  }
}
