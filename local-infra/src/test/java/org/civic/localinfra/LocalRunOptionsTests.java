package org.civic.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalRunOptionsTests {

  private static final Path ROOT = Path.of("/repo");

  @Test
  void defaultsToTheDocumentedPorts() {
    LocalRunOptions options = LocalRunOptions.parse(new String[0], Map.of(), ROOT);
    assertEquals(15432, options.postgresPort());
    assertEquals(19092, options.kafkaPort());
    assertEquals(
        java.util.List.of(8081, 8082, 8083),
        LocalRun.services(options.firstServicePort()).stream()
            .map(ServiceProcess.Spec::port)
            .toList());
  }

  @Test
  void movesTheServicesToOtherPortsSoASecondPlatformCanRunBeside() {
    LocalRunOptions fromEnv =
        LocalRunOptions.parse(new String[0], Map.of("LOCAL_SERVICE_PORTS", "9081"), ROOT);
    assertEquals(9081, fromEnv.firstServicePort());
    LocalRunOptions fromFlag =
        LocalRunOptions.parse(
            new String[] {"--service-ports", "7081"}, Map.of("LOCAL_SERVICE_PORTS", "9081"), ROOT);
    assertEquals(
        java.util.List.of(
            "http://localhost:7081", "http://localhost:7082", "http://localhost:7083"),
        LocalRun.services(fromFlag.firstServicePort()).stream()
            .map(ServiceProcess.Spec::url)
            .toList());
  }

  @Test
  void refusesServicePortsThatCollideOrRunOut() {
    assertThrows(
        IllegalArgumentException.class,
        () -> LocalRunOptions.parse(new String[] {"--service-ports", "15431"}, Map.of(), ROOT));
    assertThrows(
        IllegalArgumentException.class,
        () -> LocalRunOptions.parse(new String[] {"--service-ports", "65534"}, Map.of(), ROOT));
  }

  @Test
  void takesPortsFromTheEnvironmentAndFlagsWin() {
    LocalRunOptions options =
        LocalRunOptions.parse(
            new String[] {"--kafka-port", "29092", "--reset", "--no-services"},
            Map.of("LOCAL_POSTGRES_PORT", "25432", "LOCAL_KAFKA_PORT", "1"),
            ROOT);
    assertEquals(25432, options.postgresPort());
    assertEquals(29092, options.kafkaPort());
    assertTrue(options.reset());
    assertTrue(options.noServices());
  }

  @Test
  void loadsDemoDataUnlessSwitchedOff() {
    assertTrue(LocalRunOptions.parse(new String[0], Map.of(), ROOT).demoData());
    assertTrue(
        LocalRunOptions.parse(new String[0], Map.of("LOCAL_DEMO_DATA", "true"), ROOT).demoData());
    assertFalse(LocalRunOptions.parse(new String[] {"--no-demo"}, Map.of(), ROOT).demoData());
    assertFalse(
        LocalRunOptions.parse(new String[0], Map.of("LOCAL_DEMO_DATA", "false"), ROOT).demoData());
    assertFalse(
        LocalRunOptions.parse(new String[0], Map.of("LOCAL_DEMO_DATA", " FALSE "), ROOT)
            .demoData());
    assertFalse(LocalRunOptions.parse(new String[] {"--no-services"}, Map.of(), ROOT).demoData());
    assertTrue(LocalRunOptions.USAGE.contains("--no-demo"));
    assertTrue(LocalRunOptions.USAGE.contains("LOCAL_DEMO_DATA=false"));
  }

  @Test
  void rejectsUnknownOptionsAndBadPorts() {
    assertThrows(
        IllegalArgumentException.class,
        () -> LocalRunOptions.parse(new String[] {"--frobnicate"}, Map.of(), ROOT));
    assertThrows(
        IllegalArgumentException.class,
        () -> LocalRunOptions.parse(new String[] {"--kafka-port", "99999"}, Map.of(), ROOT));
    assertThrows(
        IllegalArgumentException.class,
        () -> LocalRunOptions.parse(new String[] {"--kafka-port"}, Map.of(), ROOT));
  }
}
