package com.mt5bridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The name a run of the bridge gives itself as the owner of the accounts it serves. */
class BridgeNameTest {

  @Test
  void a_run_is_named_by_its_host_and_pid_and_no_two_runs_alike() {
    String name = BridgeName.create();

    // Under the owner column's 128 characters, whatever the host's name.
    assertThat(name).hasSizeLessThanOrEqualTo(128)
        .matches(".{1,64} pid " + ProcessHandle.current().pid() + " run [0-9a-f]{8}");
    // A restart in a container may get the same host and pid: the random part tells the runs apart.
    assertThat(BridgeName.create()).isNotEqualTo(name);
  }
}
