package com.mt5bridge.app;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.RunningBridge;
import com.mt5bridge.testing.TableLock;
import com.mt5bridge.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A start-up whose database answers but holds the accounts' rows (a backup's lock, say) says so
 * while it waits, rather than "waiting for the database", and is ready by itself once they are free.
 */
class StartupLockTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  @Test
  void a_start_held_up_by_a_lock_on_the_accounts_says_it_is_loading_them_and_is_ready_once_it_is_released()
      throws Exception {
    try (RunningBridge first = RunningBridge.start(db.url())) {
      assertThat(first.http().post("/api/broker/create", Map.of("id", "locked", "balance", 1000)).status())
          .isEqualTo(201);
    }

    try (TableLock lock = TableLock.read(db.dsl(), "broker_state"); Bridge bridge = start()) {
      Http http = new Http(bridge.port(), RunningBridge.TOKEN);
      eventually(Duration.ofSeconds(20), () -> assertThat(http.get("/health").json().path("error").path("message")
          .asString()).isEqualTo("the bridge is starting: loading the accounts"));
      assertThat(http.get("/health").json().path("database").asString()).isEqualTo("UP");
      // The kill switch is not read yet: health does not guess it.
      assertThat(http.get("/health").json().has("trading")).isFalse();

      lock.close();

      assertThat(bridge.awaitReady(Duration.ofSeconds(30))).isTrue();
      assertThat(http.get("/health").json().path("trading").asString()).isEqualTo("ACTIVE");
      assertThat(http.get("/api/broker/locked/state").status()).isEqualTo(200);
    }
  }

  private static Bridge start() {
    return RunningBridge.launch(db.url());
  }

}
