package com.mt5bridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The body of {@code GET /health}. When the bridge is DOWN it answers 503 and also carries the
 * contract's {@code error} object, so every 5xx has the error shape.
 *
 * @param ready false while the bridge is starting (migrating, loading its accounts): every trade and
 *     webhook answers 503 until it is true
 * @param journal UP while commits go through; {@link #STALLED} when one has waited for the database
 *     longer than the health check allows (a lock, a backup, a full disk), though the database answers
 * @param trading the kill switch: ACTIVE, PAUSED, or PAUSED_NOT_STORED (in effect, but a restart
 *     would lose it until the bridge has stored it); a pause is deliberate and leaves the status alone.
 *     Left out until the bridge is ready
 * @param accountsNotLoaded accounts the database holds that start-up could not load, with why: they
 *     answer 503 and are tried again every 2 s; the others trade (status DEGRADED meanwhile)
 * @param signalsPending signals taken and not finished yet: in their account's hands (a few, for
 *     milliseconds, normally; they pile up behind a stalled journal) or with their commit's outcome
 *     unknown until the database answers
 * @param signalsNotJournaled refused and duplicate signals since start that could not be journaled
 *     (the database away for minutes, or a flood beyond the journal's queue); 0 normally
 * @param unauthenticatedNotJournaled refusals since start of senders that did not show a strategy's
 *     secret, beyond the journal's budget for them (junk posted to the webhook); counted, not kept
 */
public record Health(
    String status,
    boolean ready,
    String database,
    String journal,
    @JsonInclude(JsonInclude.Include.NON_NULL) String trading,
    Map<String, String> terminals,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> accountsNotLoaded,
    long signalsPending,
    long signalsNotJournaled,
    long unauthenticatedNotJournaled,
    String version,
    long uptimeSeconds,
    @JsonInclude(JsonInclude.Include.NON_NULL) ErrorBody.Detail error) {

  public static final String UP = "UP";
  public static final String DEGRADED = "DEGRADED";
  public static final String DOWN = "DOWN";
  public static final String STALLED = "STALLED";
}
