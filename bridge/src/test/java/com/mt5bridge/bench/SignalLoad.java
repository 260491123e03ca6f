package com.mt5bridge.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Webhook signals under load: TradingView strategy alerts (an entry to 1,000 units, then the exit
 * to flat, each with its own id and time) for many strategies spread over several accounts, each
 * answered only once the signal and its deal are committed. In the same run, the same alert bodies
 * against a bare Javalin route that only parses them: the HTTP floor of this machine.
 *
 * <p>This VM's speed drifts by a quarter or more from one minute to the next, so a ratio of two runs
 * minutes apart says little. {@code --pairs} adds runs of the bare route and the bridge back to back,
 * both servers up, at the highest concurrency: each pair gives a ratio, and their median is the one
 * to quote.
 */
@Command(name = "signal-load", mixinStandardHelpOptions = true,
    description = "Webhook alerts over HTTP for many strategies, next to a bare Javalin route.")
public final class SignalLoad implements Callable<Integer> {

  @Mixin
  LoadOptions options;

  private static final String TOKEN = BridgeProcess.TOKEN;
  private static final String SECRET = "bench-secret-0123456789";

  @Option(names = "--strategies", defaultValue = "64", description = "strategies the alerts spread over")
  int strategies;

  @Option(names = "--pairs", defaultValue = "0",
      description = "back-to-back runs of the bare route and the bridge at the highest concurrency, per mode")
  int pairs;


  public static void main(String[] args) {
    System.exit(new CommandLine(new SignalLoad()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Wrk.warnIfMissing();
    System.out.println("| run | requests | p50 | p99 | max | errors |" + CpuMeter.HEADER);
    System.out.println("|---|---|---|---|---|---|" + CpuMeter.RULE);
    try (BridgeProcess bare = BridgeProcess.bare(options.jvm)) {
      String bareBase = "http://127.0.0.1:" + bare.port();
      warmUp(bareBase, "/bare");
      Load.Result floor = best(bare.cpuMeter(), "bare Javalin route", bareBase, "/bare");
      for (String mode : options.persistence) {
        String label = mode.equals("on") ? "durable" : "in memory";
        try (LoadOptions.Database database = options.freshDatabase("bench_signal");
             BridgeProcess bridge = options.startBridge(database, mode)) {
          Load.Result saturation = run(bridge, label);
          System.out.printf("%nsaturation, %s: %,.0f signals/s = %.0f %% of the bare route's %,.0f requests/s%n%n",
              label, saturation.perSecond(), 100 * saturation.perSecond() / floor.perSecond(), floor.perSecond());
          if (pairs > 0) {
            pairs(bare, bridge, label);
          }
        }
      }
    }
    return 0;
  }

  /** {@link #pairs} runs of the bare route, each followed at once by one of the bridge; the median ratio. */
  private void pairs(BridgeProcess bare, BridgeProcess bridge, String label) throws Exception {
    int clients = options.clients.stream().max(Integer::compare).orElseThrow();
    List<Double> ratios = new ArrayList<>();
    for (int i = 1; i <= pairs; i++) {
      String pair = "pair " + i + "/" + pairs + ": ";
      CpuMeter.Row floor = bare.cpuMeter().row(() -> closedLoop(pair + "bare Javalin route, " + clients + " clients",
          "http://127.0.0.1:" + bare.port(), "/bare", clients));
      CpuMeter.Row signals = bridge.cpuMeter().row(() -> closedLoop(pair + label + ", " + clients + " clients",
          "http://127.0.0.1:" + bridge.port(), "/webhook", clients));
      System.out.println(floor);
      System.out.println(signals);
      ratios.add(signals.result().perSecond() / floor.result().perSecond());
    }
    List<Double> sorted = ratios.stream().sorted().toList();
    double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    System.out.printf("%npairs, %s: %s of the bare route; median %.0f %%%n%n", label,
        ratios.stream().map(r -> String.format("%.0f %%", 100 * r)).collect(Collectors.joining(", ")), 100 * median);
  }

  /** The loads at every concurrency; the best of them: the throughput at saturation. */
  private Load.Result best(CpuMeter cpu, String label, String base, String path) throws Exception {
    Load.Result best = null;
    for (int c : options.clients) {
      CpuMeter.Row row = cpu.row(() -> closedLoop(label + ", " + c + " clients", base, path, c));
      System.out.println(row);
      if (best == null || row.result().perSecond() > best.perSecond()) {
        best = row.result();
      }
    }
    return best;
  }

  /** Load until the JIT has compiled the hot path; on this 2-core machine that takes tens of seconds. */
  private void warmUp(String base, String path) throws Exception {
    new Load().closedLoop("warm-up", 8, Duration.ofSeconds(3),
        c -> Load.post(base + path, null, "application/json", alert(c, sent.getAndIncrement())));
    closedLoop("warm-up", base, path, 64, options.warmup);
  }

  private Load.Result run(BridgeProcess bridge, String label) throws Exception {
    int port = bridge.port();
    Load load = new Load();
    String base = "http://127.0.0.1:" + port;
    for (int a = 0; a < options.accounts; a++) {
      load.send(Load.post(base + "/api/broker/create", TOKEN, "application/json",
          "{\"id\":\"load-" + a + "\",\"marginMode\":\"HEDGING\",\"balance\":1000000000}"));
    }
    for (int s = 0; s < strategies; s++) {
      load.send(Load.post(base + "/api/strategies", TOKEN, "application/json",
          "{\"id\":\"s" + s + "\",\"account\":\"load-" + (s % options.accounts) + "\",\"secret\":\"" + SECRET
              + "\",\"magic\":" + (1000 + s) + ",\"sizing\":{\"mode\":\"CONTRACTS\",\"multiplier\":0.00001},"
              + "\"limits\":{\"maxSignalsPerMinute\":0}}"));
    }
    load.send(Load.post(base + "/api/ticks", TOKEN, "application/json",
        "{\"symbol\":\"EURUSD\",\"bid\":1.10000,\"ask\":1.10020}"));
    warmUp(base, "/webhook");
    CpuMeter cpu = bridge.cpuMeter();
    Load.Result saturation = best(cpu, label, base, "/webhook");
    System.out.println(cpu.row(() -> PacedHttp.run(label + ", fixed " + options.rate + "/s", port, null, options.rate,
        Duration.ofSeconds(options.seconds),
        64, i -> new PacedHttp.Request("/webhook", "application/json", alert(i, sent.getAndIncrement())))));
    return saturation;
  }

  private final AtomicLong sent = new AtomicLong();

  private Load.Result closedLoop(String label, String base, String path, int connections) throws Exception {
    return closedLoop(label, base, path, connections, options.seconds);
  }

  private Load.Result closedLoop(String label, String base, String path, int connections, int seconds)
      throws Exception {
    return Wrk.available()
        ? Wrk.run(label + " (wrk)", base + path, connections, seconds, wrkScript(path))
        : new Load().closedLoop(label, connections, Duration.ofSeconds(seconds),
            c -> Load.post(base + path, null, "application/json", alert(c, sent.getAndIncrement())));
  }

  /**
   * Alert n of strategy (n mod strategies): even rounds enter long 1,000 units, odd ones exit to
   * flat, as TradingView's strategy alerts do; the id and time make every alert a new one.
   */
  private String alert(long client, long n) {
    long strategy = n % strategies;
    boolean entry = (n / strategies) % 2 == 0;
    return "{\"secret\":\"" + SECRET + "\",\"strategy\":\"s" + strategy + "\",\"action\":\""
        + (entry ? "buy" : "sell") + "\",\"symbol\":\"FX:EURUSD\",\"contracts\":\"1000\",\"positionSize\":\""
        + (entry ? "1000" : "0") + "\",\"id\":\"" + (entry ? "Long Entry " : "Long Exit ") + client + "-" + n
        + "\",\"time\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}";
  }

  /** The same alerts from wrk's Lua: per connection thread a counter, a prefix keeping ids apart. */
  private String wrkScript(String path) {
    return """
        local strategies = %d
        local counter = 0
        local threads = 0
        function setup(thread)
          threads = threads + 1
          thread:set("prefix", "%d-" .. threads)
        end
        request = function()
          counter = counter + 1
          local strategy = counter %% strategies
          local entry = (math.floor(counter / strategies) %% 2) == 0
          local body = '{"secret":"%s","strategy":"s' .. strategy .. '","action":"'
            .. (entry and 'buy' or 'sell') .. '","symbol":"FX:EURUSD","contracts":"1000","positionSize":"'
            .. (entry and '1000' or '0') .. '","id":"' .. (entry and 'Long Entry ' or 'Long Exit ')
            .. prefix .. '-' .. counter .. '","time":"' .. os.date("!%%Y-%%m-%%dT%%H:%%M:%%SZ") .. '"}'
          return wrk.format("POST", "%s", {["Content-Type"] = "application/json"}, body)
        end
        """.formatted(strategies, System.nanoTime(), SECRET, path);
  }

}
