package com.mt5bridge.strategy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mt5bridge.api.ApiException;
import com.mt5bridge.broker.AccountReads;
import com.mt5bridge.broker.Broker;
import com.mt5bridge.broker.BrokerRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Strategy management and the kill switch: {@code /api/strategies}, {@code /api/pause}, {@code /api/resume};
 * and a strategy's day so far, {@code /api/strategies/{id}/today}.
 */
public final class StrategyRoutes {

  private final Strategies strategies;
  private final BrokerRegistry brokers;
  private final DailyResults daily;

  public StrategyRoutes(Strategies strategies, BrokerRegistry brokers, DailyResults daily) {
    this.strategies = strategies;
    this.brokers = brokers;
    this.daily = daily;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/strategies", this::create);
    routes.get("/api/strategies", ctx -> ctx.json(strategies.all().stream().map(StrategyJson.View::of).toList()));
    routes.get("/api/strategies/{id}", ctx -> ctx.json(StrategyJson.View.of(strategies.get(ctx.pathParam("id")))));
    routes.get("/api/strategies/{id}/today", this::today);
    routes.put("/api/strategies/{id}", this::replace);
    routes.delete("/api/strategies/{id}", this::delete);
    routes.post("/api/strategies/{id}/pause", ctx -> enable(ctx, false));
    routes.post("/api/strategies/{id}/resume", ctx -> enable(ctx, true));
    routes.post("/api/strategies/{id}/exits-only",
        ctx -> ctx.json(StrategyJson.View.of(strategies.setExitsOnly(ctx.pathParam("id")))));
    routes.get("/api/trading", this::trading);
    routes.post("/api/pause", ctx -> killSwitch(ctx, true));
    routes.post("/api/resume", ctx -> killSwitch(ctx, false));
  }

  private void create(Context ctx) {
    Strategy created = strategies.create(ctx.bodyAsClass(StrategyJson.Body.class));
    ctx.status(201).json(StrategyJson.View.of(created));
  }

  private void today(Context ctx) {
    Strategy strategy = strategies.get(ctx.pathParam("id"));
    Broker broker = brokers.find(strategy.account())
        .orElseThrow(() -> ApiException.unavailable("account " + strategy.account() + " is not available"));
    ctx.future(() -> AccountReads.within(broker, broker.ask(desk -> StrategyDay.of(desk, strategy, daily)))
        .thenAccept(ctx::json));
  }

  private void replace(Context ctx) {
    ctx.json(StrategyJson.View.of(strategies.replace(ctx.pathParam("id"), ctx.bodyAsClass(StrategyJson.Body.class))));
  }

  private void delete(Context ctx) {
    strategies.delete(ctx.pathParam("id"));
    ctx.status(204);
  }

  private void enable(Context ctx, boolean enabled) {
    ctx.json(StrategyJson.View.of(strategies.setEnabled(ctx.pathParam("id"), enabled)));
  }

  private void killSwitch(Context ctx, boolean paused) {
    ctx.json(Trading.of(strategies.setTradingPaused(paused)));
  }

  private void trading(Context ctx) {
    ctx.json(Trading.of(strategies.trading()));
  }

  /**
   * @param stored false while the database has not taken the newest change of the kill switch (a
   *     pause is in effect already; the bridge goes on storing it)
   * @param message why, when not stored
   */
  record Trading(boolean paused, boolean stored, @JsonInclude(JsonInclude.Include.NON_NULL) String message) {
    static Trading of(TradingState state) {
      return new Trading(state.paused(), state.stored(), state.stored() ? null
          : "trading is paused in this bridge, but the database has not stored the pause yet (see /health): a "
          + "restart before it does would trade again; the bridge stores it as soon as the database takes it");
    }
  }
}
