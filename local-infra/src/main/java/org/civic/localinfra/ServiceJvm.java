package org.civic.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The JVM that runs the services: the launcher's own, or the JDK that {@code
 * LOCAL_SERVICE_JAVA_HOME} names (say a Java 25 beside the build's Java 17), with the options that
 * suit its version. On Java 25 and later each service gets an AOT cache (JEP 483/514/515): the
 * classes loaded and linked and the method profiles of a first run, mapped at the next start.
 * Measured on 2 cores: first answer 7.7-8.2 s on Java 17, 3.3-3.7 s from the cache (ADR 0010).
 */
public record ServiceJvm(Path java, Runtime.Version version) {

  public static final String JAVA_HOME_VARIABLE = "LOCAL_SERVICE_JAVA_HOME";

  /** The first Java whose JVM writes an AOT cache at exit ({@code -XX:AOTCacheOutput}). */
  static final int AOT_CACHE_SINCE = 25;

  /** The launcher's own JVM: what the system tests run the services on. */
  public static ServiceJvm current() {
    return new ServiceJvm(
        Path.of(System.getProperty("java.home"), "bin", "java"), Runtime.version());
  }

  /** {@code LOCAL_SERVICE_JAVA_HOME} when set, else the launcher's own JVM. */
  public static ServiceJvm fromEnvironment(Map<String, String> env) {
    String home = env.get(JAVA_HOME_VARIABLE);
    return home == null || home.isBlank() ? current() : at(Path.of(home.strip()));
  }

  /** A JDK or JRE home: its version from the {@code release} file every build ships. */
  static ServiceJvm at(Path home) {
    Path java = home.resolve("bin").resolve("java");
    Path release = home.resolve("release");
    if (!Files.isExecutable(java) || !Files.isRegularFile(release)) {
      throw new IllegalArgumentException(
          JAVA_HOME_VARIABLE + "=" + home + " is not a Java home (no bin/java or release file)");
    }
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(release, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = properties.getProperty("JAVA_RUNTIME_VERSION");
    if (version == null) {
      version = properties.getProperty("JAVA_VERSION", "");
    }
    version = version.replace("\"", "").strip();
    if (version.isEmpty()) {
      throw new IllegalArgumentException(release + " names no JAVA_VERSION");
    }
    return new ServiceJvm(java, Runtime.Version.parse(version));
  }

  /**
   * The options a service gets unless {@code LOCAL_SERVICE_JAVA_OPTS} says otherwise: the JVM's
   * default heap (a quarter of RAM, G1) let each service grow to 0.5-1.8 GB RSS under load. Serial
   * GC suits heaps this size on two cores, and the free ratios hand memory back after a peak such
   * as an import.
   */
  public String defaultOptions() {
    return "-XX:+UseSerialGC -Xms32m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
        + " -Xss512k -XX:ReservedCodeCacheSize=96m"
        + trimNativeHeap()
        + nativeAccess();
  }

  /**
   * Hands memory the JVM freed (the JIT compiler's arenas, mostly) back to the OS every 5 s: RSS
   * after a minute of reads 285 -> 245 MB. The option exists from Java 17.0.9 on; an older JVM
   * would refuse to start with it.
   */
  String trimNativeHeap() {
    boolean known = version.feature() > 17 || (version.feature() == 17 && version.update() >= 9);
    return known ? " -XX:TrimNativeHeapInterval=5000" : "";
  }

  /** Brotli's native library: Java 24+ warns on every start unless native access is granted. */
  String nativeAccess() {
    return version.feature() >= 24 ? " --enable-native-access=ALL-UNNAMED" : "";
  }

  public boolean hasAotCache() {
    return version.feature() >= AOT_CACHE_SINCE;
  }

  /**
   * The AOT cache options for a service's jar started with {@code options}. A cache is valid only
   * for the JVM build, the options and the jars it was recorded with (otherwise the JVM warns and
   * starts without it, or slower: a changed native-access option cost 3 s), so its file is named
   * after the first two and lives beside the third, in the build output a rebuild wipes; one older
   * than the jar is dropped anyway. Without a valid cache the options record one: the JVM writes it
   * when it exits (about 20 s of a child JVM).
   */
  public AotCache aotCache(Path jar, List<String> options) {
    if (!hasAotCache()) {
      return AotCache.NONE;
    }
    Path file = jar.resolveSibling("aot").resolve(fingerprint(version + "\n" + options) + ".aot");
    try {
      if (Files.isRegularFile(file)
          && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(jar)) > 0) {
        return new AotCache(file, false);
      }
      Files.deleteIfExists(file);
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AotCache(file, true);
  }

  private static String fingerprint(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** A service's AOT cache: used, or recorded by this run ({@code file} null: none). */
  public record AotCache(Path file, boolean recording) {
    static final AotCache NONE = new AotCache(null, false);

    public List<String> options() {
      if (file == null) {
        return List.of();
      }
      // The cache's own warnings (classes it skips, stubs it cannot link) say nothing actionable.
      String log = "-Xlog:aot*=error";
      return recording
          ? List.of("-XX:AOTCacheOutput=" + file, log)
          : List.of("-XX:AOTCache=" + file, log);
    }
  }
}
