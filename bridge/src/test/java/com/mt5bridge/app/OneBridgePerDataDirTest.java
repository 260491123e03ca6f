package com.mt5bridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mt5bridge.store.DatabaseSettings;
import com.mt5bridge.store.EmbeddedMariaDb;
import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.RunningBridge;
import com.mt5bridge.webhook.WebhookSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A second bridge started on a running bridge's data directory (a double start, a copy-pasted service
 * file) refuses to start and leaves the first one trading. Before, it stopped the first one's embedded
 * database as a "leftover" and took the directory over.
 */
class OneBridgePerDataDirTest {

  private final Path dataDir = RunningBridge.dataDir();

  @Test
  void a_second_bridge_on_the_same_data_directory_refuses_and_the_first_keeps_its_database() {
    try (Bridge first = start()) {
      assertThat(first.awaitReady(Duration.ofSeconds(60))).isTrue();
      Http http = new Http(first.port(), RunningBridge.TOKEN);
      assertThat(http.post("/api/broker/create", Map.of("id", "kept", "balance", 1000)).status()).isEqualTo(201);

      assertThatThrownBy(this::start).isInstanceOf(ConfigException.class)
          .hasMessageContaining("another MT5 Bridge (pid " + ProcessHandle.current().pid() + ")")
          .hasMessageContaining(dataDir.toAbsolutePath().normalize().toString())
          .hasMessageContaining("BRIDGE_DATA_DIR");

      assertThat(http.get("/health").json().path("database").asString()).isEqualTo("UP");
      assertThat(http.post("/api/ticks", "{\"symbol\":\"EURUSD\",\"bid\":1.10000,\"ask\":1.10020}").status())
          .isEqualTo(200);
      assertThat(http.post("/api/broker/kept/buy", Map.of("symbol", "EURUSD", "volume", 0.1)).status()).isEqualTo(200);
    }
    // Once the first has stopped, the directory is free again, with what the first committed.
    try (Bridge next = start()) {
      assertThat(next.awaitReady(Duration.ofSeconds(60))).isTrue();
      assertThat(new Http(next.port(), RunningBridge.TOKEN).get("/api/broker/kept/state").json().path("positions"))
          .hasSize(1);
    }
  }

  private Bridge start() {
    Settings settings = new Settings("127.0.0.1", 0, dataDir,
        new DatabaseSettings.Embedded(dataDir, EmbeddedMariaDb.Binaries.AUTO, 0, 4), Optional.of(RunningBridge.TOKEN),
        true, 1, WebhookSettings.DEFAULT);
    return Bridge.start(settings, InstantSource.system(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }
}
