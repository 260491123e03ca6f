package com.mt5bridge.app;

/** A setting the bridge cannot start with. Its message is one line an operator can act on. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
