package com.mt5bridge.webhook;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * {@code POST /webhook} and {@code /webhook/{strategy}}: the body as TradingView sends it, answered
 * 200 with the signal's status, or with the contract's error.
 */
public final class WebhookRoutes {

  private final Signals signals;

  public WebhookRoutes(Signals signals) {
    this.signals = signals;
  }

  public void register(RoutesConfig routes) {
    routes.post("/webhook", ctx -> receive(ctx, null));
    routes.post("/webhook/{strategy}", ctx -> receive(ctx, ctx.pathParam("strategy")));
  }

  private void receive(Context ctx, String strategy) {
    long size = ctx.contentLength();
    byte[] body = null;
    if (size <= Signals.MAX_BODY) {
      try {
        body = ctx.bodyAsBytes();
        size = body.length;
      } catch (HttpResponseException tooLarge) {
        // Javalin refuses to read a body past its own limit; refused below by size.
        size = Long.MAX_VALUE;
      }
    }
    ctx.json(signals.receive(new Delivery(strategy, ctx.queryParam("secret"), ctx.contentType(), body, size,
        ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"))));
  }
}
