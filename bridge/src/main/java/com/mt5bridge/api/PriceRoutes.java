package com.mt5bridge.api;

import com.mt5bridge.broker.InvalidFieldException;
import com.mt5bridge.broker.Tick;
import com.mt5bridge.broker.TickHub;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/ticks}: one tick or an array, to every SIM account that trades the symbol. */
public final class PriceRoutes {

  private final TickHub ticks;
  private final JsonMapper json;

  public PriceRoutes(TickHub ticks, JsonMapper json) {
    this.ticks = ticks;
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/ticks", this::publish);
  }

  private void publish(Context ctx) {
    JsonNode body = json.readTree(ctx.body());
    List<JsonNode> nodes = new ArrayList<>();
    if (body.isArray()) {
      body.forEach(nodes::add);
    } else if (body.isObject()) {
      nodes.add(body);
    } else {
      throw ApiException.malformed("send a tick object or an array of them");
    }
    List<Tick> parsed = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      String at = nodes.size() == 1 && !body.isArray() ? "" : "[" + i + "].";
      BrokerRequests.TickBody tick;
      try {
        tick = json.treeToValue(nodes.get(i), BrokerRequests.TickBody.class);
      } catch (tools.jackson.core.JacksonException e) {
        ApiException mapped = ErrorMapping.fromJson(e);
        throw new ApiException(mapped.code(), mapped.getMessage(), mapped.field() == null ? null : at + mapped.field());
      }
      if (tick.symbol() == null || tick.bid() == null || tick.ask() == null) {
        String missing = tick.symbol() == null ? "symbol" : tick.bid() == null ? "bid" : "ask";
        throw new InvalidFieldException(at + missing, missing + " is required");
      }
      // Without a time it is the price now: TickHub stamps it.
      Instant time = tick.time() == null ? null : tick.time().truncatedTo(ChronoUnit.MILLIS);
      parsed.add(new Tick(tick.symbol(), tick.bid(), tick.ask(), time));
    }
    TickHub.Published published = ticks.publish(parsed);
    ctx.json(published.late() == 0 ? Map.of("accepted", published.accepted()) : Map.of("accepted",
        published.accepted(), "late", published.late(), "message", published.late() + " of the ticks were older than "
        + "their symbol's newest price and were left out: a price from before the newest one is no longer the price"));
  }
}
