package org.civic.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTests {

  @Test
  void startsAndAnswersAQueryInACreatedDatabase() throws Exception {
    Path dataDir;
    long started = System.nanoTime();
    try (LocalPostgres postgres = LocalPostgres.start(null, 0)) {
      System.out.printf("PostgreSQL (fresh temp cluster) started in %d ms%n", millisSince(started));
      dataDir = postgres.dataDirectory();
      postgres.createDatabaseIfMissing("members");
      postgres.createDatabaseIfMissing("members"); // idempotent

      assertEquals(
          "PostgreSQL 17", query(postgres, "members", "SELECT version()").substring(0, 13));
      assertEquals("members", query(postgres, "members", "SELECT current_database()"));
    }
    assertFalse(Files.exists(dataDir), "temporary cluster is deleted on close");
  }

  @Test
  void keepsDataInAReusedDirectory(@TempDir Path dir) throws Exception {
    Path dataDir = dir.resolve("postgres");
    try (LocalPostgres postgres = LocalPostgres.start(dataDir, 0)) {
      postgres.createDatabaseIfMissing("branches");
      execute(postgres, "branches", "CREATE TABLE note (text varchar)");
      execute(postgres, "branches", "INSERT INTO note VALUES ('kept')");
    }
    assertTrue(Files.exists(dataDir.resolve("PG_VERSION")), "a given directory is never deleted");

    long started = System.nanoTime();
    try (LocalPostgres postgres = LocalPostgres.start(dataDir, 0)) {
      System.out.printf("PostgreSQL (existing cluster) started in %d ms%n", millisSince(started));
      postgres.createDatabaseIfMissing("branches");
      assertEquals("kept", query(postgres, "branches", "SELECT text FROM note"));
    }
  }

  @Test
  void ignoresAPidFileWhosePidNowBelongsToAnotherProcess(@TempDir Path dir) throws Exception {
    Path dataDir = dir.resolve("postgres");
    LocalPostgres.start(dataDir, 0).close();
    // After a crash the pid in postmaster.pid may be reused; postgres alone would refuse to start.
    Files.writeString(
        dataDir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dataDir + "\n");

    try (LocalPostgres postgres = LocalPostgres.start(dataDir, 0)) {
      assertEquals("1", query(postgres, "postgres", "SELECT 1"));
    }
  }

  @Test
  void stopsAPostmasterOrphanedByAKilledJvm(@TempDir Path dir) throws Exception {
    Path dataDir = dir.resolve("postgres");
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PostgresInAnotherJvm.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
      assertTrue(out.lines().anyMatch("READY"::equals), "the other JVM started PostgreSQL");
    }
    holder.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, the postmaster lives on
    assertTrue(Files.exists(dataDir.resolve("postmaster.pid")));

    try (LocalPostgres postgres = LocalPostgres.start(dataDir, 0)) {
      assertEquals("1", query(postgres, "postgres", "SELECT 1"));
    }
  }

  static String query(LocalPostgres postgres, String db, String sql) throws SQLException {
    try (Connection c = connect(postgres, db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  static void execute(LocalPostgres postgres, String db, String sql) throws SQLException {
    try (Connection c = connect(postgres, db);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static Connection connect(LocalPostgres postgres, String db) throws SQLException {
    return DriverManager.getConnection(
        postgres.jdbcUrl(db), postgres.username(), postgres.password());
  }

  static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
