package com.mt5bridge.api;

/** {@code {"error": {"code": "...", "message": "...", "field": null}}}, the contract's error shape. */
public record ErrorBody(Detail error) {

  public record Detail(String code, String message, String field) {}

  public static ErrorBody of(ErrorCode code, String message, String field) {
    return new ErrorBody(new Detail(code.name(), message, field));
  }
}
