package com.mt5bridge.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hint after "the account has no symbol X". */
class SymbolHintTest {

  @Test
  void the_same_name_in_other_letters_is_named() {
    assertThat(SymbolHint.of("xauusd", List.of("EURUSD", "XAUUSD"))).isEqualTo(
        " (did you mean XAUUSD? symbol names are case-sensitive)");
  }

  @Test
  void the_name_with_the_brokers_suffix_is_named_with_where_to_set_it() {
    assertThat(SymbolHint.of("EURUSD", List.of("GBPUSD.r", "EURUSD.r", "EURGBP.r"))).isEqualTo(
        " (did you mean EURUSD.r? the strategy's symbolSuffix or symbolMap names the broker's symbol)");
  }

  @Test
  void at_most_three_names_are_given_in_order() {
    assertThat(SymbolHint.of("EURUSD", List.of("EURUSDm", "EURUSD.pro", "EURUSD.r", "EURUSD.ecn", "GBPUSD")))
        .isEqualTo(" (did you mean EURUSD.ecn, EURUSD.pro, EURUSD.r, ...? the strategy's symbolSuffix or symbolMap "
            + "names the broker's symbol)");
  }

  @Test
  void a_name_without_the_suffix_asked_for_is_named_too() {
    assertThat(SymbolHint.of("BTCUSDT", List.of("BTCUSD", "ETHUSD"))).isEqualTo(
        " (did you mean BTCUSD? the strategy's symbolSuffix or symbolMap names the broker's symbol)");
  }

  @Test
  void nothing_near_gives_no_hint() {
    assertThat(SymbolHint.of("EURXYZ", List.of("EURUSD", "XAUUSD", "EUR"))).isEmpty();
  }
}
