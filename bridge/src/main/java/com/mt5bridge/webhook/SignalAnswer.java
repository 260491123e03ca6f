package com.mt5bridge.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.mt5bridge.broker.SignalStatus;

/**
 * The webhook's 200 answer: the signal id, its status and the trade results (as JSON, the trading
 * routes' result shape), and a sentence when there is something to explain.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SignalAnswer(String signal, SignalStatus status, @JsonRawValue String results, String message) {

  static final String NO_RESULTS = "[]";
}
