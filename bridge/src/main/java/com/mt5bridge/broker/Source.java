package com.mt5bridge.broker;

/**
 * Who asked for a trade: the deal reason it records (EXPERT for API and webhooks, CLIENT for the
 * web page) and the webhook signal it serves, if any.
 */
public record Source(DealReason reason, String signalId) {

  public static final Source EXPERT = new Source(DealReason.EXPERT, null);
  public static final Source CLIENT = new Source(DealReason.CLIENT, null);

  public static Source signal(String signalId) {
    return new Source(DealReason.EXPERT, signalId);
  }
}
