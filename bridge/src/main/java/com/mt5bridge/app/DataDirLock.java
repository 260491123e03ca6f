package com.mt5bridge.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One bridge per data directory. A second bridge started on the same directory by mistake would
 * take its embedded database over (stopping the first one's server as a leftover) and then fail on
 * the port, leaving neither running; it now refuses to start instead. The operating system drops
 * the lock when the holder dies, even by SIGKILL, so a killed bridge's successor starts as before.
 */
final class DataDirLock implements AutoCloseable {

  static final String FILE = "bridge.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the directory (creating it) or fails with a one-line reason naming the holder's pid. */
  static DataDirLock acquire(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
        channel.close();
        throw new ConfigException("another MT5 Bridge" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
            + " is running with the data directory " + dataDir.toAbsolutePath().normalize()
            + "; stop it first, or give this one its own BRIDGE_DATA_DIR");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
      return new DataDirLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new IllegalStateException("could not lock the data directory " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** Null when held elsewhere: by another process, or by another bridge in this JVM (tests). */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldHere) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Already failing with the reason that matters.
      }
    }
  }
}
