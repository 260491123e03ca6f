package com.mt5bridge.api;

import com.mt5bridge.broker.Broker;
import com.mt5bridge.broker.BrokerRegistry;
import com.mt5bridge.broker.EntryDelay;
import com.mt5bridge.broker.InvalidFieldException;
import com.mt5bridge.broker.Retcode;
import com.mt5bridge.broker.Selection;
import com.mt5bridge.broker.Side;
import com.mt5bridge.broker.Source;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TradeRequest;
import com.mt5bridge.broker.TradeResult;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Trading on one account: buy, sell, close, modify, cancel. Each answers with MT5's trade result:
 * 200 when carried out, 422 with the same body and an {@code error} when refused.
 */
public final class TradingRoutes {

  private final BrokerRegistry brokers;
  private final EntryDelay entryDelay;

  public TradingRoutes(BrokerRegistry brokers, EntryDelay entryDelay) {
    this.brokers = brokers;
    this.entryDelay = entryDelay;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/broker/{id}/buy", ctx -> place(ctx, Side.BUY));
    routes.post("/api/broker/{id}/sell", ctx -> place(ctx, Side.SELL));
    routes.post("/api/broker/{id}/close", this::close);
    routes.post("/api/broker/{id}/modify", this::modify);
    routes.post("/api/broker/{id}/cancel", this::cancel);
  }

  /**
   * A new order, unless its turn on the account came too late ({@link EntryDelay}): its caller may
   * have given up waiting and sent it again. MT5's answer to that is 10012 TIMEOUT.
   */
  private void place(Context ctx, Side side) {
    Broker broker = broker(ctx);
    TradeRequest.PlaceOrder request = ctx.bodyAsClass(BrokerRequests.PlaceOrderBody.class).toRequest(side,
        Source.EXPERT);
    Instant received = entryDelay.clock().instant();
    answer(ctx, broker.perform(desk -> {
      Duration waited = entryDelay.waited(received);
      if (entryDelay.tooLong(waited)) {
        Tick quote = desk.price(request.symbol()).orElse(null);
        return TradeResult.refused(Retcode.TIMEOUT, "not sent: the order waited " + EntryDelay.seconds(waited)
            + " s for its account (the database took no writes meanwhile), more than BRIDGE_ENTRY_MAX_DELAY_SECONDS ("
            + entryDelay.max().toSeconds() + "); send it again if it still holds",
            quote == null ? BigDecimal.ZERO : quote.bid(), quote == null ? BigDecimal.ZERO : quote.ask());
      }
      return desk.execute(request);
    }));
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
