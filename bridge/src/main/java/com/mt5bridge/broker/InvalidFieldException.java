package com.mt5bridge.broker;

/** A value the broker cannot accept, naming the field it came in. The API answers 422 INVALID. */
public final class InvalidFieldException extends RuntimeException {

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
