package com.mt5bridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mt5bridge.api.AdminAuth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AdminTokenTest {

  private final Path dataDir = Path.of("target", "token-test", UUID.randomUUID().toString().substring(0, 8));

  @Test
  void a_generated_token_is_printed_once_and_only_its_hash_is_kept() throws IOException {
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    byte[] hash = AdminToken.hash(Optional.empty(), dataDir, new PrintStream(console, true, StandardCharsets.UTF_8));

    String token = printedToken(console.toString(StandardCharsets.UTF_8));
    assertThat(new AdminAuth(hash).accepts(token)).isTrue();
    assertThat(Files.readString(dataDir.resolve(AdminToken.FILE))).doesNotContain(token);
  }

  @Test
  void the_next_start_accepts_the_same_token_without_printing_it_again() {
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    AdminToken.hash(Optional.empty(), dataDir, new PrintStream(first, true, StandardCharsets.UTF_8));
    String token = printedToken(first.toString(StandardCharsets.UTF_8));
    ByteArrayOutputStream second = new ByteArrayOutputStream();

    byte[] hash = AdminToken.hash(Optional.empty(), dataDir, new PrintStream(second, true, StandardCharsets.UTF_8));

    assertThat(second.size()).isZero();
    assertThat(new AdminAuth(hash).accepts(token)).isTrue();
  }

  @Test
  void a_configured_token_wins_and_nothing_is_printed_or_written() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    byte[] hash = AdminToken.hash(Optional.of("configured-token-0123456789"), dataDir,
        new PrintStream(console, true, StandardCharsets.UTF_8));

    assertThat(new AdminAuth(hash).accepts("configured-token-0123456789")).isTrue();
    assertThat(new AdminAuth(hash).accepts("configured-token-012345678")).isFalse();
    assertThat(console.size()).isZero();
    assertThat(dataDir.resolve(AdminToken.FILE)).doesNotExist();
  }

  private static String printedToken(String console) {
    Matcher matcher = Pattern.compile("^\\s{4}(\\S{20,})$", Pattern.MULTILINE).matcher(console);
    assertThat(matcher.find()).as("a token line in %s", console).isTrue();
    return matcher.group(1);
  }
}
