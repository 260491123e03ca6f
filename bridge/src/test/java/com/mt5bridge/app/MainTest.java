package com.mt5bridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void virtual_threads_get_one_core_fewer_than_the_machine_has_but_at_least_one() {
    assertThat(Main.carriers(null, 2)).isEqualTo("1");
    assertThat(Main.carriers(null, 8)).isEqualTo("7");
    assertThat(Main.carriers(null, 1)).isEqualTo("1");
  }

  @Test
  void the_operators_own_setting_is_kept() {
    assertThat(Main.carriers("2", 2)).isEqualTo("2");
  }
}
