package com.mt5bridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real entry point in its own process: what an operator sees when a setting is wrong. */
class MainProcessTest {

  @Test
  void a_bad_setting_stops_the_bridge_with_one_line_and_exit_code_2() throws Exception {
    Result result = run(Map.of("BRIDGE_PORT", "not-a-port"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr().lines().toList())
        .containsExactly("mt5-bridge: configuration error: BRIDGE_PORT must be a whole number from 0 to 65535, "
            + "got 'not-a-port'");
  }

  @Test
  void a_mistyped_setting_is_one_line_too_and_no_stack_trace() throws Exception {
    Result result = run(Map.of("BRIDGE_DB_URL", "jdbc:mariadb://127.0.0.1:1/x", "BRIDGE_EMBEDDED_DB", "system"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr().lines().toList()).hasSize(1);
    assertThat(result.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void a_data_directory_another_process_holds_is_refused_with_its_pid() throws Exception {
    Path dataDir = Path.of("target", "main-process", UUID.randomUUID().toString().substring(0, 8));
    try (DataDirLock held = DataDirLock.acquire(dataDir)) {
      Result result = run(Map.of("BRIDGE_DATA_DIR", dataDir.toString()));

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.stderr().lines().toList()).containsExactly("mt5-bridge: configuration error: another MT5 "
          + "Bridge (pid " + ProcessHandle.current().pid() + ") is running with the data directory "
          + dataDir.toAbsolutePath().normalize() + "; stop it first, or give this one its own BRIDGE_DATA_DIR");
    }
    // Nothing was started in it: no database files beside the lock.
    assertThat(dataDir.resolve("mariadb")).doesNotExist();
  }

  private record Result(int exitCode, String stderr) {}

  private static Result run(Map<String, String> env) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    builder.environment().keySet().removeIf(k -> k.startsWith("BRIDGE_"));
    builder.environment().putAll(env);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), stderr);
  }
}
