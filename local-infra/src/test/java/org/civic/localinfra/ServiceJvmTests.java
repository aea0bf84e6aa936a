package org.civic.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJvmTests {

  @TempDir Path dir;

  private static ServiceJvm jvm(String version) {
    return new ServiceJvm(Path.of("/jdk/bin/java"), Runtime.Version.parse(version));
  }

  @Test
  void trimsTheNativeHeapOnlyWhereTheJvmKnowsTheOption() {
    assertEquals("", jvm("17.0.8").trimNativeHeap());
    assertEquals(" -XX:TrimNativeHeapInterval=5000", jvm("17.0.15+6").trimNativeHeap());
    assertEquals(" -XX:TrimNativeHeapInterval=5000", jvm("21").trimNativeHeap());
  }

  @Test
  void grantsNativeAccessOnlyWhereTheJvmWarnsWithoutIt() {
    assertFalse(jvm("17.0.15").defaultOptions().contains("--enable-native-access"));
    assertTrue(jvm("25.0.3").defaultOptions().contains("--enable-native-access=ALL-UNNAMED"));
  }

  @Test
  void readsTheVersionOfAJavaHomeFromItsReleaseFile() throws IOException {
    Path home = javaHome("JAVA_VERSION=\"25.0.3\"\nJAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\n");

    ServiceJvm jvm = ServiceJvm.fromEnvironment(Map.of(ServiceJvm.JAVA_HOME_VARIABLE, home + " "));

    assertEquals(home.resolve("bin/java"), jvm.java());
    assertEquals(25, jvm.version().feature());
    assertEquals(3, jvm.version().update());
  }

  @Test
  void withoutTheVariableTheServicesRunOnTheLaunchersJvm() {
    assertEquals(ServiceJvm.current(), ServiceJvm.fromEnvironment(Map.of()));
    assertEquals(Runtime.version(), ServiceJvm.current().version());
  }

  @Test
  void aFolderThatIsNoJavaHomeIsRefusedWithItsName() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ServiceJvm.fromEnvironment(Map.of(ServiceJvm.JAVA_HOME_VARIABLE, dir.toString())));
    assertTrue(refused.getMessage().contains(dir.toString()), refused.getMessage());
  }

  @Test
  void beforeJava25ThereIsNoAotCache() throws IOException {
    ServiceJvm.AotCache cache = jvm("21.0.5").aotCache(jar(), List.of("-Xmx256m"));

    assertEquals(List.of(), cache.options());
    assertFalse(cache.recording());
  }

  @Test
  void onJava25TheFirstRunRecordsTheCacheAndTheNextUsesIt() throws IOException {
    Path jar = jar();
    ServiceJvm jvm = jvm("25.0.3+9");

    ServiceJvm.AotCache first = jvm.aotCache(jar, List.of("-Xmx256m"));
    assertTrue(first.recording());
    assertTrue(first.options().contains("-XX:AOTCacheOutput=" + first.file()));
    assertEquals(jar.resolveSibling("aot"), first.file().getParent());

    writeCacheAfter(jar, first.file());
    ServiceJvm.AotCache next = jvm.aotCache(jar, List.of("-Xmx256m"));
    assertFalse(next.recording());
    assertTrue(next.options().contains("-XX:AOTCache=" + first.file()));
  }

  @Test
  void aCacheOlderThanTheJarIsDroppedAndRecordedAgain() throws IOException {
    Path jar = jar();
    ServiceJvm jvm = jvm("25.0.3+9");
    Path file = jvm.aotCache(jar, List.of()).file();
    writeCacheAfter(jar, file);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60))); // rebuilt

    ServiceJvm.AotCache again = jvm.aotCache(jar, List.of());

    assertTrue(again.recording());
    assertFalse(Files.exists(file), "the stale cache is deleted before the JVM writes anew");
  }

  @Test
  void otherOptionsOrAnotherJvmBuildNeedACacheOfTheirOwn() throws IOException {
    Path jar = jar();
    Path base = jvm("25.0.3+9").aotCache(jar, List.of("-Xmx256m")).file();

    assertNotEquals(base, jvm("25.0.3+9").aotCache(jar, List.of("-Xmx512m")).file());
    assertNotEquals(base, jvm("25.0.4+7").aotCache(jar, List.of("-Xmx256m")).file());
  }

  private Path jar() throws IOException {
    Path app = Files.createDirectories(dir.resolve("quarkus-app"));
    Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    return jar;
  }

  private static void writeCacheAfter(Path jar, Path cache) throws IOException {
    Files.writeString(cache, "cache");
    Files.setLastModifiedTime(
        cache, FileTime.from(Files.getLastModifiedTime(jar).toInstant().plusSeconds(1)));
  }

  private Path javaHome(String release) throws IOException {
    Path home = Files.createDirectories(dir.resolve("jdk"));
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\n");
    java.toFile().setExecutable(true);
    Files.writeString(home.resolve("release"), release);
    return home;
  }
}
