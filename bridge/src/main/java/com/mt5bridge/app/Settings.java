package com.mt5bridge.app;

import com.mt5bridge.store.DatabaseSettings;
import com.mt5bridge.store.EmbeddedMariaDb;
import com.mt5bridge.strategy.IpRange;
import com.mt5bridge.webhook.WebhookSettings;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the bridge is configured with, read once from the environment. Unknown {@code BRIDGE_*}
 * variables are refused: a mistyped BRIDGE_DB_URL must not silently start an empty database.
 */
public record Settings(
    String host,
    int port,
    Path dataDir,
    DatabaseSettings database,
    Optional<String> adminToken,
    boolean persistence,
    int journalWriters,
    WebhookSettings webhooks) {

  static final List<String> KNOWN = List.of(
      "BRIDGE_HOST", "BRIDGE_PORT", "BRIDGE_DATA_DIR",
      "BRIDGE_DB_URL", "BRIDGE_DB_USER", "BRIDGE_DB_PASSWORD", "BRIDGE_DB_POOL_SIZE",
      "BRIDGE_EMBEDDED_DB", "BRIDGE_EMBEDDED_DB_PORT",
      "BRIDGE_ADMIN_TOKEN", "BRIDGE_LOG_FORMAT", "BRIDGE_LOG_LEVEL", "BRIDGE_PERSISTENCE",
      "BRIDGE_JOURNAL_WRITERS", "BRIDGE_SIGNAL_WAIT_MS", "BRIDGE_DUPLICATE_WINDOW_SECONDS",
      "BRIDGE_TRUSTED_PROXIES", "BRIDGE_ENTRY_MAX_DELAY_SECONDS");

  private static final Set<String> LOG_FORMATS = Set.of("text", "json");
  private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

  @Override
  public String toString() {
    return "Settings[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", database=" + database
        + ", adminToken=" + adminToken.map(t -> "***").orElse("(generated)") + ", persistence=" + persistence + ", journalWriters=" + journalWriters + ", webhooks=" + webhooks + "]";
  }

  /** Reads the settings, or throws {@link ConfigException} naming the variable at fault. */
  public static Settings fromEnv(Map<String, String> env) {
    rejectUnknown(env);
    Env e = new Env(env);
    String host = e.text("BRIDGE_HOST", "0.0.0.0");
    int port = e.integer("BRIDGE_PORT", 8080, 0, 65535);
    Path dataDir = Path.of(e.text("BRIDGE_DATA_DIR", "./data"));
    int poolSize = e.integer("BRIDGE_DB_POOL_SIZE", 16, 1, 512);
    e.oneOf("BRIDGE_LOG_FORMAT", "text", LOG_FORMATS);
    e.oneOf("BRIDGE_LOG_LEVEL", "INFO", LOG_LEVELS, true);

    DatabaseSettings database;
    Optional<String> url = e.optional("BRIDGE_DB_URL");
    if (url.isPresent()) {
      // MariaDB only: the journal sends each commit group as a compound statement (BEGIN NOT
      // ATOMIC), which MySQL does not have
      if (!url.get().startsWith("jdbc:mariadb:")) {
        throw new ConfigException("BRIDGE_DB_URL must be a MariaDB JDBC URL such as "
            + "jdbc:mariadb://127.0.0.1:3306/bridge (MySQL is not supported), got '"
            + DatabaseSettings.External.maskedUrl(url.get()) + "'");
      }
      for (String embeddedOnly : List.of("BRIDGE_EMBEDDED_DB", "BRIDGE_EMBEDDED_DB_PORT")) {
        if (env.containsKey(embeddedOnly)) {
          throw new ConfigException(embeddedOnly + " applies to the embedded database only; unset it or BRIDGE_DB_URL");
        }
      }
      database = new DatabaseSettings.External(url.get(), e.text("BRIDGE_DB_USER", "root"),
          e.text("BRIDGE_DB_PASSWORD", ""), poolSize);
    } else {
      for (String serverOnly : List.of("BRIDGE_DB_USER", "BRIDGE_DB_PASSWORD")) {
        if (env.containsKey(serverOnly)) {
          throw new ConfigException(serverOnly + " is set but BRIDGE_DB_URL is not; set BRIDGE_DB_URL "
              + "to use a MariaDB server, or unset " + serverOnly + " to use the embedded database");
        }
      }
      EmbeddedMariaDb.Binaries binaries = EmbeddedMariaDb.Binaries.valueOf(
          e.oneOf("BRIDGE_EMBEDDED_DB", "auto", Set.of("auto", "system", "bundled")).toUpperCase(Locale.ROOT));
      int embeddedPort = e.integer("BRIDGE_EMBEDDED_DB_PORT", 0, 0, 65535);
      database = new DatabaseSettings.Embedded(dataDir, binaries, embeddedPort, poolSize);
    }

    Optional<String> adminToken = e.optional("BRIDGE_ADMIN_TOKEN");
    if (adminToken.isPresent() && adminToken.get().length() < 16) {
      throw new ConfigException("BRIDGE_ADMIN_TOKEN must be at least 16 characters long");
    }
    boolean persistence = e.oneOf("BRIDGE_PERSISTENCE", "on", Set.of("on", "off")).equals("on");
    int journalWriters = e.integer("BRIDGE_JOURNAL_WRITERS", 1, 1, 64);
    WebhookSettings webhooks = new WebhookSettings(
        Duration.ofMillis(e.integer("BRIDGE_SIGNAL_WAIT_MS", 2500, 100, 10_000)),
        Duration.ofSeconds(e.integer("BRIDGE_DUPLICATE_WINDOW_SECONDS", 10, 0, 3600)),
        trustedProxies(e.optional("BRIDGE_TRUSTED_PROXIES")),
        Duration.ofSeconds(e.integer("BRIDGE_ENTRY_MAX_DELAY_SECONDS",
            (int) WebhookSettings.DEFAULT_ENTRY_MAX_DELAY.toSeconds(), 0, 86_400)));
    return new Settings(host, port, dataDir, database, adminToken, persistence, journalWriters, webhooks);
  }

  private static List<IpRange> trustedProxies(Optional<String> value) {
    if (value.isEmpty()) {
      return List.of();
    }
    List<IpRange> ranges = new java.util.ArrayList<>();
    for (String entry : value.get().split(",")) {
      try {
        ranges.add(IpRange.parse(entry));
      } catch (IllegalArgumentException ex) {
        throw new ConfigException("BRIDGE_TRUSTED_PROXIES is a comma-separated list of addresses or CIDR blocks: "
            + ex.getMessage());
      }
    }
    return List.copyOf(ranges);
  }

  private static void rejectUnknown(Map<String, String> env) {
    env.keySet().stream()
        .filter(k -> k.startsWith("BRIDGE_") && !KNOWN.contains(k))
        .sorted()
        .findFirst()
        .ifPresent(unknown -> {
          String nearest = KNOWN.stream().min(Comparator.comparingInt(k -> distance(k, unknown))).orElseThrow();
          throw new ConfigException("unknown setting " + unknown + " (did you mean " + nearest + "?)");
        });
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** Typed reads of environment variables; blank counts as unset. */
  private record Env(Map<String, String> env) {

    Optional<String> optional(String name) {
      String value = env.get(name);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String text(String name, String fallback) {
      return optional(name).orElse(fallback);
    }

    int integer(String name, int fallback, int min, int max) {
      Optional<String> value = optional(name);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        int parsed = Integer.parseInt(value.get());
        if (parsed >= min && parsed <= max) {
          return parsed;
        }
      } catch (NumberFormatException ignored) {
        // reported below with the accepted range
      }
      throw new ConfigException(name + " must be a whole number from " + min + " to " + max
          + ", got '" + value.get() + "'");
    }

    String oneOf(String name, String fallback, Set<String> allowed) {
      return oneOf(name, fallback, allowed, false);
    }

    String oneOf(String name, String fallback, Set<String> allowed, boolean upperCase) {
      String given = text(name, fallback);
      String value = upperCase ? given.toUpperCase(Locale.ROOT) : given.toLowerCase(Locale.ROOT);
      if (allowed.contains(value)) {
        return value;
      }
      throw new ConfigException(name + " must be one of " + allowed.stream().sorted().toList()
          + ", got '" + given + "'");
    }
  }
}
