package org.civic.members.domain;

import java.util.List;

/** A domain rule refuses a change; the REST layer answers 422 naming the fields. */
public class RuleViolation extends RuntimeException {
  private final transient List<Violation> violations;

  public RuleViolation(String field, String message) {
    this(List.of(new Violation(field, message)));
  }

  public RuleViolation(List<Violation> violations) {
    super(String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList()));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  /** One broken rule on one field. */
  public record Violation(String field, String message) {}
}
