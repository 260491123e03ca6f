package com.mt5bridge.api;

import static com.mt5bridge.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.OwnedBridge;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /health against a MariaDB server this test owns, so that it can stop it and start it again. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthTest {

  @RegisterExtension
  static final OwnedBridge owned = new OwnedBridge();

  /** Without the admin token: /health needs none. */
  private static Http http;

  @BeforeAll
  static void withoutToken() {
    http = owned.http().withToken(null);
  }

  @Test
  @Order(1)
  void health_is_up_with_the_database_up_and_needs_no_token() {
    Http.Response response = http.get("/health");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("status").asString()).isEqualTo("UP");
    assertThat(response.json().path("database").asString()).isEqualTo("UP");
    assertThat(response.json().path("journal").asString()).isEqualTo("UP");
    assertThat(response.json().path("terminals").isObject()).isTrue();
    assertThat(response.json().path("signalsNotJournaled").isIntegralNumber()).isTrue();
    assertThat(response.json().path("signalsNotJournaled").asLong()).isZero();
    assertThat(response.json().path("version").asString()).isNotBlank();
    assertThat(response.json().path("uptimeSeconds").isIntegralNumber()).isTrue();
    assertThat(response.json().has("error")).isFalse();
  }

  @Test
  @Order(2)
  void health_is_down_with_503_and_the_error_shape_when_the_database_stops() {
    owned.mariadb().stop();

    eventually(Duration.ofSeconds(10), () -> {
      Http.Response response = http.get("/health");
      assertThat(response.status()).isEqualTo(503);
      assertThat(response.json().path("status").asString()).isEqualTo("DOWN");
      assertThat(response.json().path("database").asString()).isEqualTo("DOWN");
      assertThat(response.json().path("journal").asString()).isEqualTo("DOWN");
      assertThat(response.errorCode()).isEqualTo("UNAVAILABLE");
    });
  }

  @Test
  @Order(3)
  void health_is_up_again_by_itself_when_the_database_returns() {
    owned.mariadb().start();

    eventually(Duration.ofSeconds(15), () -> {
      Http.Response response = http.get("/health");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().path("status").asString()).isEqualTo("UP");
    });
  }
}
