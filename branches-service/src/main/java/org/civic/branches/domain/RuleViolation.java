package org.civic.branches.domain;

/** A domain rule refuses a request; the web layer answers 422 problem+json naming the field. */
public class RuleViolation extends RuntimeException {
  private final String field;

  public RuleViolation(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
