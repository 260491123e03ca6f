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
  void a_whole_number_past_its_fields_range_is_422_naming_the_field() {
    Http.Response positions = bridge.http().post("/api/strategies", "{\"id\":\"range-x\",\"account\":\"a\","
        + "\"secret\":\"0123456789abcdef\",\"limits\":{\"maxPositions\":99999999999}}");
    Http.Response magic = bridge.http().post("/api/strategies", "{\"id\":\"range-y\",\"account\":\"a\","
        + "\"secret\":\"0123456789abcdef\",\"magic\":99999999999999999999}");

    // Was 400 MALFORMED "the body is not valid JSON", with no field: the JSON was valid.
    assertThat(positions.status()).as(positions.toString()).isEqualTo(422);
    assertThat(positions.json().path("error").path("field").asString()).isEqualTo("limits.maxPositions");
    assertThat(positions.json().path("error").path("message").asString())
        .isEqualTo("field 'limits.maxPositions' is out of range: a whole number from -2147483648 to 2147483647");
    assertThat(magic.status()).isEqualTo(422);
    assertThat(magic.json().path("error").path("field").asString()).isEqualTo("magic");
    assertThat(magic.json().path("error").path("message").asString())
        .isEqualTo("field 'magic' is out of range: a whole number from -9223372036854775808 to 9223372036854775807");
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
