package com.mt5bridge.api;

import com.mt5bridge.broker.AccountReads;
import com.mt5bridge.broker.Broker;
import com.mt5bridge.broker.BrokerRegistry;
import com.mt5bridge.broker.TradeHistory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Accounts: create, list, state, deals and the equity curve. */
public final class AccountRoutes {

  /** The longest step of the equity curve: a month's points in one. */
  private static final Duration MAX_STEP = Duration.ofDays(31);

  private final BrokerRegistry brokers;
  private final TradeHistory history;

  public AccountRoutes(BrokerRegistry brokers, TradeHistory history) {
    this.brokers = brokers;
    this.history = history;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/broker/create", this::create);
    routes.get("/api/broker/all", this::all);
    routes.get("/api/broker/{id}/state", this::state);
    routes.get("/api/broker/{id}/trades", this::trades);
    routes.get("/api/broker/{id}/equity", this::equity);
  }

  private void create(Context ctx) {
    BrokerRequests.CreateAccount body = ctx.bodyAsClass(BrokerRequests.CreateAccount.class);
    Broker broker = brokers.create(body.toSettings());
    ctx.future(() -> broker.snapshot().thenAccept(s -> ctx.status(201).json(BrokerJson.State.of(s))));
  }

  private void all(Context ctx) {
    // The accounts trading; one start-up could not load, or another bridge took over, is on /health
    // (accountsNotLoaded) with why.
    List<CompletableFuture<BrokerJson.Summary>> summaries = brokers.all().stream()
        .filter(b -> b.notTrading().isEmpty())
        .map(b -> AccountReads.snapshot(b).thenApply(BrokerJson.Summary::of)).toList();
    ctx.future(() -> CompletableFuture.allOf(summaries.toArray(CompletableFuture[]::new))
        .thenAccept(done -> ctx.json(summaries.stream().map(CompletableFuture::join).toList())));
  }

  private void state(Context ctx) {
    Broker broker = brokers.get(ctx.pathParam("id"));
    ctx.future(() -> AccountReads.snapshot(broker).thenAccept(s -> ctx.json(BrokerJson.State.of(s))));
  }

  private void trades(Context ctx) {
    Broker broker = brokers.get(ctx.pathParam("id"));
    ctx.json(history.deals(broker.id(), Query.magic(ctx), Query.instant(ctx, "from"), Query.instant(ctx, "to"),
        Query.limit(ctx, 1000, 10_000)).stream().map(BrokerJson.DealView::of).toList());
  }

  private void equity(Context ctx) {
    Broker broker = brokers.get(ctx.pathParam("id"));
    ctx.json(history.equity(broker.id(), Query.instant(ctx, "from"), Query.instant(ctx, "to"),
        Query.step(ctx, "step", MAX_STEP), Query.limit(ctx, 10_000, 100_000)).stream()
        .map(BrokerJson.EquityView::of).toList());
  }
}
