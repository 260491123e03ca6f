package com.mt5bridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mt5bridge.store.DatabaseSettings;
import com.mt5bridge.store.EmbeddedMariaDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void with_nothing_set_the_bridge_listens_on_8080_with_an_embedded_database_under_data() {
    Settings settings = Settings.fromEnv(Map.of("PATH", "/usr/bin"));

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(settings.database()).isEqualTo(
        new DatabaseSettings.Embedded(Path.of("./data"), EmbeddedMariaDb.Binaries.AUTO, 0, 16));
    assertThat(settings.adminToken()).isEmpty();
  }

  @Test
  void a_database_url_selects_that_server_with_root_as_the_default_user() {
    Settings settings = Settings.fromEnv(Map.of("BRIDGE_DB_URL", "jdbc:mariadb://db:3306/bridge",
        "BRIDGE_DB_PASSWORD", "s3cret"));

    assertThat(settings.database())
        .isEqualTo(new DatabaseSettings.External("jdbc:mariadb://db:3306/bridge", "root", "s3cret", 16));
  }

  @Test
  void the_database_password_never_appears_in_the_settings_text() {
    Settings settings = Settings.fromEnv(Map.of("BRIDGE_DB_URL", "jdbc:mariadb://db:3306/bridge",
        "BRIDGE_DB_PASSWORD", "s3cret-password", "BRIDGE_ADMIN_TOKEN", "admin-token-0123456789"));

    assertThat(settings.toString()).doesNotContain("s3cret-password").doesNotContain("admin-token-0123456789");
  }

  @Test
  void a_password_written_into_the_database_url_is_masked_wherever_the_url_is_shown() {
    Settings settings = Settings.fromEnv(Map.of("BRIDGE_DB_URL",
        "jdbc:mariadb://db:3306/bridge?user=bridge&password=s3cret-in-url&useSsl=false"));

    assertThat(settings.toString())
        .contains("jdbc:mariadb://db:3306/bridge?user=bridge&password=***&useSsl=false")
        .doesNotContain("s3cret-in-url");
    assertThatThrownBy(() -> Settings.fromEnv(Map.of("BRIDGE_DB_URL", "jdbc:mysql://db/bridge?PWD=s3cret-in-url")))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("got 'jdbc:mysql://db/bridge?PWD=***'");
  }

  @Test
  void a_port_that_is_not_a_number_is_refused_naming_the_variable() {
    assertThatThrownBy(() -> Settings.fromEnv(Map.of("BRIDGE_PORT", "eighty")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("BRIDGE_PORT must be a whole number from 0 to 65535, got 'eighty'");
  }

  @Test
  void a_late_entry_is_refused_after_30_seconds_unless_set_otherwise_or_turned_off() {
    assertThat(Settings.fromEnv(Map.of()).webhooks().entryMaxDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(Settings.fromEnv(Map.of("BRIDGE_ENTRY_MAX_DELAY_SECONDS", "120")).webhooks().entryMaxDelay())
        .isEqualTo(Duration.ofSeconds(120));
    assertThat(Settings.fromEnv(Map.of("BRIDGE_ENTRY_MAX_DELAY_SECONDS", "0")).webhooks().entryMaxDelay()).isZero();
    assertThatThrownBy(() -> Settings.fromEnv(Map.of("BRIDGE_ENTRY_MAX_DELAY_SECONDS", "-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("BRIDGE_ENTRY_MAX_DELAY_SECONDS");
  }

  @Test
  void a_port_out_of_range_is_refused() {
    assertThatThrownBy(() -> Settings.fromEnv(Map.of("BRIDGE_PORT", "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("BRIDGE_PORT");
  }

  @Test
  void a_mistyped_setting_is_refused_with_the_nearest_known_name() {
    assertThatThrownBy(() -> Settings.fromEnv(Map.of("BRIDGE_DB_ULR", "jdbc:mariadb://db/bridge")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown setting BRIDGE_DB_ULR (did you mean BRIDGE_DB_URL?)");
  }

  @Test
  void a_database_user_without_a_url_is_refused() {
    assertThatThrownBy(() -> Settings.fromEnv(Map.of("BRIDGE_DB_USER", "bridge")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("BRIDGE_DB_USER is set but BRIDGE_DB_URL is not");
  }

  @Test
  void a_url_that_is_not_mariadb_jdbc_is_refused() {
    assertThatThrownBy(() -> Settings.fromEnv(Map.of("BRIDGE_DB_URL", "postgres://localhost/bridge")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("BRIDGE_DB_URL must be a MariaDB JDBC URL");
    // the journal's compound statements are MariaDB's own
    assertThatThrownBy(() -> Settings.fromEnv(Map.of("BRIDGE_DB_URL", "jdbc:mysql://db:3306/bridge")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MySQL is not supported");
  }

  @Test
  void a_short_admin_token_is_refused() {
    assertThatThrownBy(() -> Settings.fromEnv(Map.of("BRIDGE_ADMIN_TOKEN", "short")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("BRIDGE_ADMIN_TOKEN must be at least 16 characters long");
  }

  @Test
  void an_unknown_log_format_is_refused_with_the_choices() {
    assertThatThrownBy(() -> Settings.fromEnv(Map.of("BRIDGE_LOG_FORMAT", "xml")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("BRIDGE_LOG_FORMAT must be one of [json, text], got 'xml'");
  }

  @Test
  void the_embedded_database_can_be_forced_to_the_bundled_binaries() {
    Settings settings = Settings.fromEnv(Map.of("BRIDGE_EMBEDDED_DB", "bundled", "BRIDGE_DATA_DIR", "/var/lib/bridge"));

    assertThat(settings.database()).isEqualTo(
        new DatabaseSettings.Embedded(Path.of("/var/lib/bridge"), EmbeddedMariaDb.Binaries.BUNDLED, 0, 16));
  }
}
