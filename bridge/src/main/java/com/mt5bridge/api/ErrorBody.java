package com.mt5bridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code {"error": {"code": "...", "message": "...", "field": null}}}, the contract's error shape;
 * for a refused webhook also {@code "signal"}, the id under which the journal keeps the refusal (what
 * a trader quotes when asking why an alert did not trade).
 */
public record ErrorBody(Detail error, @JsonInclude(JsonInclude.Include.NON_NULL) String signal) {

  public record Detail(String code, String message, String field) {}

  public static ErrorBody of(ErrorCode code, String message, String field) {
    return of(code, message, field, null);
  }

  public static ErrorBody of(ErrorCode code, String message, String field, String signal) {
    return new ErrorBody(new Detail(code.name(), message, field), signal);
  }
}
