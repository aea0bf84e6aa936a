package org.civic.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml as Compose reads it: YAML with anchors and merge keys resolved, then every
 * {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}} and {@code $$} interpolated with
 * the given variables (none: the defaults written in the file).
 */
final class ComposeFile {
  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$(?:\\$|\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\\}|([A-Za-z_][A-Za-z0-9_]*))");

  final Path path;

  /** The file after interpolation: maps, lists and scalars as SnakeYAML reads them. */
  final Map<String, Object> model;

  /** The file as written, before interpolation. */
  final Map<String, Object> raw;

  /** Variables used without a default (Compose would warn and use an empty string). */
  final Set<String> variablesWithoutDefault = new LinkedHashSet<>();

  /** Variables the file mentions, with the default it gives them (null: none). */
  final Map<String, String> variables = new LinkedHashMap<>();

  ComposeFile(Path path, Map<String, String> environment) {
    this.path = path;
    Object loaded;
    try {
      loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> interpolated = (Map<String, Object>) interpolate(loaded, environment);
    this.model = interpolated;
    @SuppressWarnings("unchecked")
    Map<String, Object> asWritten = (Map<String, Object>) loaded;
    this.raw = asWritten;
  }

  static ComposeFile ofRepository(Path root) {
    return new ComposeFile(root.resolve("docker-compose.yml"), Map.of());
  }

  @SuppressWarnings("unchecked")
  Map<String, Map<String, Object>> services() {
    return (Map<String, Map<String, Object>>) model.get("services");
  }

  Map<String, Object> service(String name) {
    Map<String, Object> service = services().get(name);
    if (service == null) {
      throw new IllegalArgumentException("docker-compose.yml has no service " + name);
    }
    return service;
  }

  /** A service's environment as a map (Compose allows a map or a list of NAME=value). */
  Map<String, String> environment(String name) {
    return environmentOf(service(name).get("environment"));
  }

  /** A service's environment as written, before interpolation. */
  @SuppressWarnings("unchecked")
  Map<String, String> rawEnvironment(String name) {
    Map<String, Object> services = (Map<String, Object>) raw.get("services");
    return environmentOf(((Map<String, Object>) services.get(name)).get("environment"));
  }

  private static Map<String, String> environmentOf(Object env) {
    Map<String, String> out = new LinkedHashMap<>();
    if (env instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(k.toString(), v == null ? "" : v.toString()));
    } else if (env instanceof List<?> list) {
      for (Object entry : list) {
        String[] parts = entry.toString().split("=", 2);
        out.put(parts[0], parts.length > 1 ? parts[1] : "");
      }
    }
    return out;
  }

  /** The services built from this repository: service name → its Dockerfile (repo-relative). */
  Map<String, String> builtServices() {
    Map<String, String> out = new LinkedHashMap<>();
    services()
        .forEach(
            (name, service) -> {
              if (service.get("build") instanceof Map<?, ?> build) {
                out.put(name, String.valueOf(build.get("dockerfile")));
              }
            });
    return out;
  }

  private Object interpolate(Object node, Map<String, String> environment) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k.toString(), interpolate(v, environment)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(interpolate(v, environment)));
      return out;
    }
    if (node instanceof String text) {
      return interpolate(text, environment);
    }
    return node;
  }

  String interpolate(String text, Map<String, String> environment) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group().equals("$$")) {
        replacement = "$";
      } else {
        String name = m.group(1) != null ? m.group(1) : m.group(4);
        String operator = m.group(2);
        String fallback = m.group(3);
        variables.putIfAbsent(name, fallback);
        String value = environment.get(name);
        if (operator == null) {
          if (value == null) {
            variablesWithoutDefault.add(name);
            value = "";
          }
        } else if (value == null || (operator.equals(":-") && value.isEmpty())) {
          value = interpolate(fallback, environment);
        }
        replacement = value;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
