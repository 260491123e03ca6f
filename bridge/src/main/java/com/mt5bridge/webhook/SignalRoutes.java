package com.mt5bridge.webhook;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.mt5bridge.api.ApiException;
import com.mt5bridge.api.Query;
import com.mt5bridge.broker.InvalidFieldException;
import com.mt5bridge.broker.SignalLog;
import com.mt5bridge.broker.SignalQuery;
import com.mt5bridge.broker.SignalRecord;
import com.mt5bridge.broker.SignalStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The signal journal: {@code GET /api/signals} (newest first; filtered by {@code strategy}, {@code account},
 * {@code status} and the time of receipt, {@code from} included, {@code to} not; {@code before} a signal's id
 * for the page after it; {@code limit}) and
 * {@code /api/signals/{id}}.
 */
public final class SignalRoutes {

  private final SignalLog journal;
  private final Signals signals;

  public SignalRoutes(SignalLog journal, Signals signals) {
    this.journal = journal;
    this.signals = signals;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/signals", this::recent);
    routes.get("/api/signals/{id}", this::one);
  }

  private void recent(Context ctx) {
    Instant from = Query.instant(ctx, "from");
    Instant to = Query.instant(ctx, "to");
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidFieldException("to", "to must be after from");
    }
    SignalQuery query = new SignalQuery(filter(ctx, "strategy"), filter(ctx, "account"), status(ctx), from, to,
        before(ctx), Query.limit(ctx, 100, 10_000));
    ctx.json(query.page(journal.recent(query), signals.inFlight()).stream().map(View::of).toList());
  }

  private void one(Context ctx) {
    String id = ctx.pathParam("id");
    // Also asked after a restart about a signal answered PENDING whose commit the stop cut off: say what its
    // absence means, since the bridge gave out its id and promised to tell.
    ctx.json(View.of(find(id).orElseThrow(() -> ApiException.notFound("no signal " + id + " in the journal. A signal "
        + "that traded is always there (its row is written with its trades); one answered PENDING can be missing when "
        + "the bridge stopped, or the database stayed away, before its outcome was written: then it did not trade and "
        + "may be sent again"))));
  }

  /** A signal still being carried out, or one in the journal. */
  private Optional<SignalRecord> find(String id) {
    return signals.inFlight(id).or(() -> journal.find(id));
  }

  private static String filter(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static SignalStatus status(Context ctx) {
    String value = filter(ctx, "status");
    if (value == null) {
      return null;
    }
    try {
      return SignalStatus.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("status", "status must be one of " + Arrays.toString(SignalStatus.values()));
    }
  }

  /** The page goes on after this signal: the last one of the page before. */
  private SignalQuery.Cursor before(Context ctx) {
    String id = filter(ctx, "before");
    if (id == null) {
      return null;
    }
    return find(id).map(SignalQuery.Cursor::of)
        .orElseThrow(() -> new InvalidFieldException("before", "no signal " + id + " to go on from"));
  }

  /** A journal entry as the API shows it; the body is stored with its secret already masked. */
  record View(String id, String strategy, String account, String status, String action, String symbol,
      String sourceIp, String contentType, String body, SignalRecord.Error error, @JsonRawValue String results,
      String message, String duplicateOf, Instant receivedAt, Instant completedAt) {

    static View of(SignalRecord r) {
      return new View(r.id(), r.strategy(), r.account(), r.status().name(), r.action(), r.symbol(), r.sourceIp(),
          r.contentType(), r.body(), r.error(), r.results(), r.message(), r.duplicateOf(), r.receivedAt(), r.completedAt());
    }
  }
}
