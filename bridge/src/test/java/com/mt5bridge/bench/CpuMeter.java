package com.mt5bridge.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The CPU time the server under test and the MariaDB server spent during a run, per request. On a
 * VM whose speed drifts from minute to minute this is steadier than requests per second, and it
 * shows where the two cores went.
 */
final class CpuMeter {

  /** The extra columns {@link #columns} adds to a result row. */
  static final String HEADER = " server CPU / req | MariaDB CPU / req |";
  static final String RULE = "---|---|";

  private final ProcessHandle server;
  private final Optional<ProcessHandle> database;
  private Duration serverStart;
  private Duration databaseStart;

  CpuMeter(ProcessHandle server) {
    this.server = server;
    this.database = ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
        .findFirst();
  }

  /** Runs the load and answers its result with the CPU columns; printed, it is the table row. */
  Row row(Callable<Load.Result> run) throws Exception {
    start();
    Load.Result result = run.call();
    return new Row(result, columns(result.requests()));
  }

  /** A run's result and the CPU it cost. */
  record Row(Load.Result result, String cpuColumns) {
    @Override
    public String toString() {
      return result.row() + cpuColumns;
    }
  }

  private void start() {
    serverStart = cpu(Optional.of(server));
    databaseStart = cpu(database);
  }

  /** {@code | 150 µs | 65 µs |}: CPU since {@link #start} divided by the requests served. */
  private String columns(long requests) {
    return String.format(" %s | %s |", perRequest(cpu(Optional.of(server)).minus(serverStart), requests),
        database.isEmpty() ? "n/a" : perRequest(cpu(database).minus(databaseStart), requests));
  }

  private static String perRequest(Duration cpu, long requests) {
    return requests == 0 ? "n/a" : String.format("%,d µs", cpu.toNanos() / 1000 / requests);
  }

  private static Duration cpu(Optional<ProcessHandle> process) {
    return process.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
  }
}
