package org.civic.localinfra;

import java.nio.file.Path;

/** Test helper: holds a PostgreSQL on a given directory until killed, like a launcher would. */
public final class PostgresInAnotherJvm {

  private PostgresInAnotherJvm() {}

  public static void main(String[] args) throws Exception {
    LocalPostgres.start(Path.of(args[0]), 0);
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
