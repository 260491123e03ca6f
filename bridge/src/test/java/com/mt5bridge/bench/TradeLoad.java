package com.mt5bridge.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLongArray;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The durable trading path under load: HTTP market orders against the bridge, each answered only
 * after its deal, order, position and balance are committed in MariaDB; then the same with
 * persistence turned off, to show the price of durability.
 */
@Command(name = "trade-load", mixinStandardHelpOptions = true,
    description = "Market orders over HTTP, durable and in memory, at several concurrencies.")
public final class TradeLoad implements Callable<Integer> {

  @Mixin
  LoadOptions options;

  private static final String TOKEN = BridgeProcess.TOKEN;


  public static void main(String[] args) {
    System.exit(new CommandLine(new TradeLoad()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Wrk.warnIfMissing();
    System.out.println("| run | orders | p50 | p99 | max | errors |" + CpuMeter.HEADER);
    System.out.println("|---|---|---|---|---|---|" + CpuMeter.RULE);
    for (String mode : options.persistence) {
      boolean durable = mode.equals("on");
      try (LoadOptions.Database database = options.freshDatabase("bench_trade");
           BridgeProcess bridge = options.startBridge(database, mode)) {
        run(bridge, durable ? "durable" : "in memory");
      }
    }
    return 0;
  }

  private void run(BridgeProcess bridge, String label) throws Exception {
    int port = bridge.port();
    CpuMeter cpu = bridge.cpuMeter();
    Load load = new Load();
    String base = "http://127.0.0.1:" + port;
    for (int a = 0; a < options.accounts; a++) {
      load.send(Load.post(base + "/api/broker/create", TOKEN, "application/json",
          "{\"id\":\"load-" + a + "\",\"marginMode\":\"NETTING\",\"balance\":1000000000}"));
    }
    load.send(Load.post(base + "/api/ticks", TOKEN, "application/json",
        "{\"symbol\":\"EURUSD\",\"bid\":1.10000,\"ask\":1.10020}"));
    // Each client alternates buy and sell on its account: positions open and close, nothing piles up.
    AtomicLongArray sent = new AtomicLongArray(1024);
    java.util.function.IntFunction<HttpRequest> order = client -> {
      long n = sent.getAndIncrement(client % 1024);
      String side = n % 2 == 0 ? "buy" : "sell";
      return Load.post(base + "/api/broker/load-" + (client % options.accounts) + "/" + side, TOKEN, "application/json",
          "{\"symbol\":\"EURUSD\",\"volume\":0.01}");
    };
    load.closedLoop("warm-up", 8, Duration.ofSeconds(3), order);
    // Tens of seconds on this 2-core machine before the JIT has compiled the hot path.
    if (Wrk.available()) {
      Wrk.run("warm-up", base, 64, options.warmup, wrkScript());
    } else {
      load.closedLoop("warm-up", 64, Duration.ofSeconds(options.warmup), order);
    }
    for (int c : options.clients) {
      System.out.println(cpu.row(() -> Wrk.available()
          ? Wrk.run(label + ", " + c + " clients (wrk)", base, c, options.seconds, wrkScript())
          : load.closedLoop(label + ", " + c + " clients", c, Duration.ofSeconds(options.seconds), order)));
    }
    System.out.println(cpu.row(() -> PacedHttp.run(label + ", fixed " + options.rate + "/s", port, TOKEN, options.rate,
        Duration.ofSeconds(options.seconds),
        64, i -> new PacedHttp.Request("/api/broker/load-" + (i % options.accounts) + "/" + ((i / options.accounts) % 2 == 0 ? "buy" : "sell"),
            "application/json", "{\"symbol\":\"EURUSD\",\"volume\":0.01}"))));
  }

  /** Each wrk connection's requests: spread over the accounts, buy and sell in turn on each. */
  private String wrkScript() {
    return """
        local accounts = %d
        local n = 0
        request = function()
          n = n + 1
          local account = n %% accounts
          local side = (math.floor(n / accounts) %% 2 == 0) and "buy" or "sell"
          return wrk.format("POST", "/api/broker/load-" .. account .. "/" .. side,
            {["Content-Type"] = "application/json", ["Authorization"] = "Bearer %s"},
            '{"symbol":"EURUSD","volume":0.01}')
        end
        """.formatted(options.accounts, TOKEN);
  }

}
