package com.mt5bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.api.Json;
import com.mt5bridge.strategy.SecretHash;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refused body as the journal keeps it: at most 4 KiB and a marker, cut where no secret can be
 * split, with the strategy's secret masked wherever it stands whole.
 */
class RefusedBodyTest {

  private static final String SECRET = "s3cret-with-\"quote-0123";
  private static final SecretHash HASH = SecretHash.of(SECRET);
  private static final JsonMapper JSON = Json.mapper();

  @Test
  void a_short_body_is_kept_whole() {
    String body = "{\"action\":\"buy\",\"symbol\":\"EURUSD\"}";

    assertThat(Redaction.cut(body)).isSameAs(body);
  }

  @Test
  void a_long_body_keeps_its_first_4096_characters_up_to_the_last_comma_or_space_before_them() {
    // 455 parts of "abcdefgh," are 4,095 characters; the 456th part's comma is character 4,104, past 4,096.
    String body = "abcdefgh,".repeat(1_000);

    String kept = Redaction.cut(body);

    assertThat(kept).isEqualTo("abcdefgh,".repeat(454) + "abcdefgh" + "...(cut)");
    assertThat(Redaction.cut(kept)).as("cutting twice changes nothing").isEqualTo(kept);
  }

  @Test
  void a_secret_across_the_4096th_character_is_dropped_whole_not_kept_in_part() {
    // The secret's part stands at characters 4,091 to 4,113: a cut at 4,096 would keep "3cret".
    String body = "x".repeat(4_089) + ",s3cret-that-crosses-the-cut," + "y".repeat(5_000);

    String kept = Redaction.cut(body);

    assertThat(kept).isEqualTo("x".repeat(4_089) + "...(cut)");
  }

  @Test
  void a_body_with_no_comma_or_space_in_its_first_4096_characters_keeps_nothing_of_it() {
    assertThat(Redaction.cut("z".repeat(70_000))).isEqualTo("...(cut)");
  }

  @Test
  void in_a_long_json_body_the_secret_is_masked_as_a_whole_string_even_with_an_escaped_quote() {
    String escaped = SECRET.replace("\"", "\\\"");
    String body = "{\"Secret\":\"" + escaped + "\",\"key\":[\"" + escaped + "\",\"other-value-0123456789\"],"
        + "\"filler\":\"" + "f".repeat(10_000) + "\"}";

    String kept = Redaction.strategySecret(body, HASH, JSON);

    // The filler has no comma or space, so the cut falls at the comma before it.
    assertThat(kept).isEqualTo("{\"Secret\":\"***\",\"key\":[\"***\",\"other-value-0123456789\"]...(cut)");
  }

  @Test
  void in_a_text_body_the_secret_is_masked_between_separators_or_after_its_key_even_with_a_quote_or_equals() {
    String base64 = "c2VjcmV0LXNlY3JldA==";
    SecretHash base64Hash = SecretHash.of(base64);

    assertThat(Redaction.strategySecret("buy,EURUSD,key=" + SECRET + ",comment=x", HASH, JSON))
        .isEqualTo("buy,EURUSD,key=***,comment=x");
    assertThat(Redaction.strategySecret("buy," + base64 + ",EURUSD", base64Hash, JSON)).isEqualTo("buy,***,EURUSD");
    assertThat(Redaction.strategySecret("buy,EURUSD,pass=" + base64 + " " + "c ".repeat(5_000), base64Hash, JSON))
        .startsWith("buy,EURUSD,pass=*** c c ").endsWith("...(cut)");
  }
}
