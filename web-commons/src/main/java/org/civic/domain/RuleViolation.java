package org.civic.domain;

import java.util.List;

/**
 * A domain rule refuses a request. Plain Java, so every service's domain code can throw it without
 * knowing about HTTP; web-commons answers it with a 422 problem naming the fields.
 */
public class RuleViolation extends RuntimeException {
  private final transient List<Violation> violations;

  public RuleViolation(String field, String message) {
    this(List.of(new Violation(field, message)));
  }

  /** Several broken rules at once, e.g. every bad row of an import. */
  public RuleViolation(List<Violation> violations) {
    super(
        String.join(
            "; ",
            violations.stream()
                .map(v -> v.field() == null ? v.message() : v.field() + ": " + v.message())
                .toList()));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  /** The field of the first violation (most violations are about one field), or null. */
  public String field() {
    return violations.isEmpty() ? null : violations.get(0).field();
  }

  /** One broken rule; field is the request field it is about, or null for the whole request. */
  public record Violation(String field, String message) {}
}
