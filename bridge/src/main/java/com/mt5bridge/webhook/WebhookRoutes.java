package com.mt5bridge.webhook;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * {@code POST /webhook} and {@code /webhook/{strategy}}: the body as TradingView sends it, answered
 * 200 with the signal's status, or with the contract's error. {@code POST /api/strategies/{id}/preview}
 * takes the same body and answers what it would do, doing nothing.
 */
public final class WebhookRoutes {

  private final Signals signals;

  public WebhookRoutes(Signals signals) {
    this.signals = signals;
  }

  public void register(RoutesConfig routes) {
    routes.post("/webhook", ctx -> receive(ctx, null));
    routes.post("/webhook/{strategy}", ctx -> receive(ctx, ctx.pathParam("strategy")));
    routes.post("/api/strategies/{id}/preview", ctx -> ctx.json(signals.preview(delivery(ctx, ctx.pathParam("id")))));
  }

  private void receive(Context ctx, String strategy) throws IOException {
    ctx.json(signals.receive(delivery(ctx, strategy)));
  }

  private static Delivery delivery(Context ctx, String strategy) throws IOException {
    byte[] body = null;
    long size;
    long declared = ctx.req().getContentLengthLong();
    if (declared >= 0 && declared <= Signals.MAX_BODY) {
      // The usual alert: read exactly its declared length (Javalin's reader copies through 8 KiB buffers).
      body = ctx.req().getInputStream().readNBytes((int) declared);
      size = body.length;
    } else {
      try {
        // Read even when over the limit (up to the server's own), so the refusal reaches the sender
        // instead of a connection closed in the middle of its upload.
        body = ctx.bodyAsBytes();
        size = body.length;
      } catch (HttpResponseException tooLarge) {
        size = Long.MAX_VALUE;
      }
    }
    return new Delivery(strategy, ctx.queryParam("secret"), ctx.contentType(), ctx.header("Content-Encoding"), body,
        size, ctx.req().getRemoteAddr(), forwardedFor(ctx));
  }

  /**
   * Every X-Forwarded-For line in order, joined as one list (RFC 9110 makes them the same). A proxy
   * that adds a line of its own (HAProxy does) leaves the client's line first: reading only that
   * one would believe whatever the client wrote.
   */
  private static String forwardedFor(Context ctx) {
    List<String> lines = Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
    return lines.isEmpty() ? null : String.join(",", lines);
  }
}
