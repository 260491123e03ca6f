package com.mt5bridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.testing.Http;
import com.mt5bridge.testing.RunningBridge;
import com.mt5bridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ErrorShapeTest {

  @RegisterExtension
  static final TestDatabase db = new TestDatabase();

  private static RunningBridge bridge;

  @BeforeAll
  static void start() {
    bridge = RunningBridge.start(db.url());
  }

  @AfterAll
  static void stop() {
    bridge.close();
  }

  @Test
  void an_unknown_route_is_404_not_found_in_the_error_shape() {
    Http.Response response = bridge.http().get("/no/such/route");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().path("error").path("code").asString()).isEqualTo("NOT_FOUND");
    assertThat(response.json().path("error").path("message").asString()).contains("/no/such/route");
    assertThat(response.json().path("error").has("field")).isTrue();
    assertThat(response.json().propertyNames()).containsExactly("error"); // "signal" only for a refused webhook
  }

  @Test
  void a_wrong_method_is_405_in_the_error_shape() {
    Http.Response response = bridge.http().post("/health", "{}");

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
  }

  @Test
  void the_api_without_a_token_is_401_unauthorized() {
    Http.Response response = bridge.http().withToken(null).get("/api/broker/all");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.errorCode()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void the_api_with_a_wrong_token_is_401_unauthorized() {
    Http.Response response = bridge.http().withToken("not-the-admin-token-at-all").get("/api/broker/all");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.errorCode()).isEqualTo("UNAUTHORIZED");
  }
}
