package com.mt5bridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.strategy.Limits;
import org.junit.jupiter.api.Test;

/** Strategies saved by an earlier version still load when a setting has been added since. */
class StoredStrategySettingsTest {

  @Test
  void limits_saved_before_the_signal_age_limit_existed_load_with_it_off() {
    DatabaseStrategies.Stored stored = DatabaseStrategies.Stored.read("{\"symbolMap\":{},\"symbolPrefix\":\"\","
        + "\"symbolSuffix\":\"\",\"sizing\":{\"mode\":\"FIXED\",\"volume\":0.1},\"limits\":{\"maxVolume\":5,"
        + "\"maxPositions\":10,\"maxDailyLoss\":500,\"maxSpreadPoints\":30,\"maxSignalsPerMinute\":60},\"allowedIps\":[]}");

    Limits limits = stored.limits();
    assertThat(limits.maxPositions()).isEqualTo(10);
    assertThat(limits.maxSignalsPerMinute()).isEqualTo(60);
    assertThat(limits.maxSignalAgeSeconds()).isZero();
  }
}
