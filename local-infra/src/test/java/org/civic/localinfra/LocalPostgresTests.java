package org.civic.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
