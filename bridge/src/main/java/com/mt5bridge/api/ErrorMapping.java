package com.mt5bridge.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every failure leaves the server in the contract's error shape; this is the only place that maps them. */
final class ErrorMapping {

  private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void install(RoutesConfig routes) {
    routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.body(), e.code()));
    routes.exception(HttpResponseException.class, (e, ctx) -> {
      ErrorCode code = codeOf(e.getStatus());
      write(ctx, ErrorBody.of(code, messageOf(code, e, ctx), null), code);
    });
    routes.exception(JacksonException.class, (e, ctx) -> {
      ApiException mapped = fromJson(e);
      write(ctx, mapped.body(), mapped.code());
    });
    routes.exception(Exception.class, (e, ctx) -> {
      log.atError().setMessage("request failed").setCause(e)
          .addKeyValue("method", ctx.method()).addKeyValue("path", ctx.path()).log();
      write(ctx, ErrorBody.of(ErrorCode.INTERNAL, "internal error; the bridge logged the details", null),
          ErrorCode.INTERNAL);
    });
  }

  /** Jackson failures: syntax is MALFORMED (400); a well-formed body with a wrong field is INVALID (422). */
  static ApiException fromJson(JacksonException e) {
    String field = fieldOf(e);
    if (e instanceof StreamReadException && !(e instanceof MismatchedInputException)) {
      return ApiException.malformed("the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return ApiException.invalid(unknown.getPropertyName(), "unknown field '" + unknown.getPropertyName() + "'");
    }
    if (field == null) {
      return ApiException.malformed("the body does not have the expected shape: " + e.getOriginalMessage());
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

  private static ErrorCode codeOf(int status) {
    for (ErrorCode code : ErrorCode.values()) {
      if (code.status() == status) {
        return code;
      }
    }
    return status >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED;
  }

  private static String messageOf(ErrorCode code, HttpResponseException e, Context ctx) {
    return switch (code) {
      case NOT_FOUND -> "no route " + ctx.method() + " " + ctx.path();
      case METHOD_NOT_ALLOWED -> "method " + ctx.method() + " is not allowed on " + ctx.path();
      case TOO_LARGE -> "the body is too large";
      default -> e.getMessage();
    };
  }

  static void write(Context ctx, ErrorBody body, ErrorCode code) {
    ctx.status(code.status()).json(body);
  }
}
