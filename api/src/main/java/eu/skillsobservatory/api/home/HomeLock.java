package eu.skillsobservatory.api.home;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One process at a time owns a home: the embedded stores inside it cannot be shared. The lock is an
 * OS file lock, so it goes away with the process however it ends; the file says who holds it.
 */
public final class HomeLock implements AutoCloseable {
  private static final String FILE = "observatory.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private HomeLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the home for this process.
   *
   * @param what what this process does there, shown to a second process (e.g. {@code serve})
   * @throws HomeInUseException if another process holds it
   */
  public static HomeLock acquire(Path home, String what) {
    try {
      Files.createDirectories(home);
      Path file = home.resolve(FILE);
      FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
        ch.close();
        throw new HomeInUseException(home, holder);
      }
      String me =
          "pid "
              + ProcessHandle.current().pid()
              + ", '"
              + what
              + "', since "
              + Instant.now().toString();
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
      ch.force(false);
      return new HomeLock(ch, l);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot lock the home folder " + home + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The lock dies with the channel anyway.
    }
  }

  /** Another process holds the home. */
  public static final class HomeInUseException extends RuntimeException {
    public HomeInUseException(Path home, String holder) {
      super(
          "the home "
              + home.toAbsolutePath().normalize()
              + " is in use by another Skills Observatory process"
              + (holder.isEmpty() ? "" : " (" + holder + ")")
              + ". Stop it first, or give this command another --home.");
    }
  }
}
