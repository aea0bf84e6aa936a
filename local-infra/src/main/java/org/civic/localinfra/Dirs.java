package org.civic.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Small file-system helpers. */
final class Dirs {

  private Dirs() {}

  /** Deletes a directory tree; a missing tree is fine. */
  static void deleteRecursively(Path root) {
    // A server that just stopped may still be flushing a file or two: retry a few times.
    for (int attempt = 1; ; attempt++) {
      try {
        deleteOnce(root);
        return;
      } catch (IOException | UncheckedIOException e) {
        if (attempt == 5) {
          throw new UncheckedIOException("Could not delete " + root, asIo(e));
        }
        sleep(200);
      }
    }
  }

  /** Deletes everything inside {@code dir} except the named entries. */
  static void deleteChildrenExcept(Path dir, String... keep) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<String> kept = List.of(keep);
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.collect(Collectors.toList());
    }
    for (Path child : children) {
      if (!kept.contains(child.getFileName().toString())) {
        deleteRecursively(child);
      }
    }
  }

  /** The last lines of a text file, for error messages; empty if it cannot be read. */
  static String tail(Path file, int maxLines) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(no log at " + file + ")";
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private static void deleteOnce(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        try {
          Files.delete(path);
        } catch (NoSuchFileException alreadyGone) {
          // fine
        }
      }
    }
  }

  private static IOException asIo(Exception e) {
    if (e instanceof IOException) {
      return (IOException) e;
    }
    return ((UncheckedIOException) e).getCause();
  }
}
