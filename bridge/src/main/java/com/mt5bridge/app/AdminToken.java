package com.mt5bridge.app;

import com.mt5bridge.api.Sha256;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The admin token's hash. BRIDGE_ADMIN_TOKEN wins; otherwise a token is generated on the first
 * start, printed once, and only its SHA-256 is kept in the data directory.
 */
final class AdminToken {

  static final String FILE = "admin-token.sha256";

  private AdminToken() {}

  static byte[] hash(Optional<String> configured, Path dataDir, PrintStream console) {
    if (configured.isPresent()) {
      return Sha256.of(configured.get());
    }
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        return HexFormat.of().parseHex(Files.readString(file).trim());
      }
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      byte[] hash = Sha256.of(token);
      Files.createDirectories(dataDir);
      Files.writeString(file, HexFormat.of().formatHex(hash) + "\n");
      console.println();
      console.println("  MT5 Bridge admin token (shown this once; only its hash is kept in " + file + "):");
      console.println("    " + token);
      console.println("  Send it as 'Authorization: Bearer <token>'. Delete the file to generate a new one.");
      console.println();
      return hash;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the admin token hash in " + file, e);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + " is damaged; delete it to generate a new admin token");
    }
  }
}
