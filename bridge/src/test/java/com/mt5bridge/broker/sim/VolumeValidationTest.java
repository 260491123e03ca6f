package com.mt5bridge.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.broker.Retcode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EURUSD: volumeMin 0.01, volumeMax 100, volumeStep 0.01. */
class VolumeValidationTest {

  private final SimAccount account = SimAccount.hedging().balance("1000000").open().tick("EURUSD", "1.10000", "1.10020");

  @Test
  void a_volume_that_is_an_exact_multiple_of_the_step_in_decimal_is_valid() {
    // 0.29 is not a multiple of 0.01 in binary floating point; in decimal it is.
    assertThat(account.buy("EURUSD", "0.29").retcode()).isEqualTo(Retcode.DONE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.005", "100.01", "0.015", "1.001"})
  void a_volume_outside_the_limits_or_off_the_step_is_invalid_volume(String volume) {
    assertThat(account.buy("EURUSD", volume).retcode()).isEqualTo(Retcode.INVALID_VOLUME);
    assertThat(account.trades()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "-0.01"})
  void zero_or_negative_volume_never_reaches_the_book(String volume) {
    int eventsBefore = account.events.size();

    assertThat(account.buy("EURUSD", volume).retcode()).isEqualTo(Retcode.INVALID_VOLUME);
    assertThat(account.events).hasSize(eventsBefore);
  }

  @Test
  void the_maximum_itself_is_valid() {
    assertThat(account.buy("EURUSD", "100").retcode()).isEqualTo(Retcode.DONE);
  }

  @Test
  void a_coarser_step_is_checked_exactly_too() {
    SimAccount coarse = SimAccount.hedging().balance("1000000")
        .spec("US500", s -> Specs.with(s).volumes("0.1", "500", "0.1").build()).open()
        .tick("US500", "5000.00", "5000.50");

    assertThat(coarse.buy("US500", "0.30").retcode()).isEqualTo(Retcode.DONE);
    assertThat(coarse.buy("US500", "0.35").retcode()).isEqualTo(Retcode.INVALID_VOLUME);
  }
}
