package com.mt5bridge.api;

import com.mt5bridge.broker.Broker;
import com.mt5bridge.broker.BrokerRegistry;
import com.mt5bridge.broker.InvalidFieldException;
import com.mt5bridge.broker.Selection;
import com.mt5bridge.broker.Side;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.TradeResult;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Trading on one account: buy, sell, close, modify, cancel. Each answers with MT5's trade result:
 * 200 when carried out, 422 with the same body and an {@code error} when refused.
 */
public final class TradingRoutes {

  private final BrokerRegistry brokers;

  public TradingRoutes(BrokerRegistry brokers) {
    this.brokers = brokers;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/broker/{id}/buy", ctx -> place(ctx, Side.BUY));
    routes.post("/api/broker/{id}/sell", ctx -> place(ctx, Side.SELL));
    routes.post("/api/broker/{id}/close", this::close);
    routes.post("/api/broker/{id}/modify", this::modify);
    routes.post("/api/broker/{id}/cancel", this::cancel);
  }

  private void place(Context ctx, Side side) {
    Broker broker = broker(ctx);
    TradeRequest request = ctx.bodyAsClass(BrokerRequests.PlaceOrderBody.class).toRequest(side, Source.EXPERT);
    answer(ctx, broker.send(request));
  }

  private void modify(Context ctx) {
    Broker broker = broker(ctx);
    answer(ctx, broker.send(ctx.bodyAsClass(BrokerRequests.ModifyBody.class).toRequest(Source.EXPERT)));
  }

  private void cancel(Context ctx) {
    Broker broker = broker(ctx);
    answer(ctx, broker.send(ctx.bodyAsClass(BrokerRequests.CancelBody.class).toRequest(Source.EXPERT)));
  }

  /** One position (or part of it), a position against another (close-by), a symbol's positions, or all. */
  private void close(Context ctx) {
    Broker broker = broker(ctx);
    BrokerRequests.CloseBody body = ctx.bodyAsClass(BrokerRequests.CloseBody.class);
    String comment = body.comment() == null ? "" : body.comment();
    CompletableFuture<List<TradeResult>> results;
    if (body.position() != null) {
      if (body.symbol() != null) {
        throw new InvalidFieldException("symbol", "name a position or a symbol, not both");
      }
      TradeRequest request = body.by() != null
          ? new TradeRequest.CloseBy(body.position(), body.by(), comment, Source.EXPERT)
          : new TradeRequest.ClosePosition(body.position(), body.volume(), comment, Source.EXPERT);
      results = broker.send(request).thenApply(List::of);
    } else {
      if (body.volume() != null || body.by() != null) {
        throw new InvalidFieldException(body.volume() != null ? "volume" : "by", "volume and by need a position");
      }
      results = broker.closeAll(body.symbol() == null ? Selection.ALL : Selection.symbol(body.symbol()),
          Source.EXPERT);
    }
    ctx.future(() -> results.thenAccept(list -> {
      BrokerJson.Results view = BrokerJson.Results.of(list);
      ctx.status(view.error() == null ? 200 : 422).json(view);
    }));
  }

  private Broker broker(Context ctx) {
    return brokers.get(ctx.pathParam("id"));
  }

  private static void answer(Context ctx, CompletableFuture<TradeResult> result) {
    ctx.future(() -> result.thenAccept(r -> ctx.status(BrokerJson.status(r)).json(BrokerJson.Result.of(r))));
  }
}
