package com.mt5bridge.bench;

import com.mt5bridge.api.HttpServer;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson3;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP floor for the webhook benchmark: Javalin 7 on virtual threads, one POST route that parses
 * the JSON body and answers a small JSON object. Whatever the bridge does beyond this is its own cost.
 */
public final class BareServer {

  private BareServer() {}

  public static void main(String[] args) {
    JsonMapper json = JsonMapper.builder().build();
    Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.concurrency.useVirtualThreads = true;
      config.jsonMapper(new JavalinJackson3(json, false));
      config.jetty.host = "127.0.0.1";
      config.jetty.port = Integer.parseInt(System.getenv("BRIDGE_PORT"));
      // The bridge's listening socket, so that the floor is measured on the same terms.
      config.jetty.modifyServer(HttpServer::deepenAcceptQueue);
      config.routes.get("/ready", ctx -> ctx.result("ok"));
      config.routes.post("/bare", ctx -> {
        JsonNode alert = json.readTree(ctx.body());
        ctx.json(Map.of("status", "OK", "fields", alert.size()));
      });
    }).start();
  }
}
