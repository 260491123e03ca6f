package com.mt5bridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The body of {@code GET /health}. When the bridge is DOWN it answers 503 and also carries the
 * contract's {@code error} object, so every 5xx has the error shape.
 */
public record Health(
    String status,
    String database,
    Map<String, String> terminals,
    String version,
    long uptimeSeconds,
    @JsonInclude(JsonInclude.Include.NON_NULL) ErrorBody.Detail error) {

  public static final String UP = "UP";
  public static final String DEGRADED = "DEGRADED";
  public static final String DOWN = "DOWN";
}
