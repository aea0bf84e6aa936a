package org.civic.web.problem;

import java.util.List;

/**
 * Thrown by services and resources for any expected failure; rendered as problem+json with the
 * type's status. Use the factory methods so the same situation always gets the same type.
 */
public class ProblemException extends RuntimeException {
  private final ProblemType type;
  private final List<Problem.FieldError> errors;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, null);
  }

  public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.type = type;
    this.errors = errors;
  }

  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
  }

  /** A domain rule forbids this request (422). */
  public static ProblemException ruleViolation(String detail) {
    return new ProblemException(ProblemType.BUSINESS_RULE_VIOLATION, detail);
  }

  /** A domain rule forbids this request because of one field (422). */
  public static ProblemException ruleViolation(String field, String detail) {
    return new ProblemException(
        ProblemType.BUSINESS_RULE_VIOLATION,
        detail,
        List.of(new Problem.FieldError(field, detail)));
  }

  public static ProblemException invalid(String field, String message) {
    return new ProblemException(
        ProblemType.VALIDATION_ERROR,
        field + ": " + message,
        List.of(new Problem.FieldError(field, message)));
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(ProblemType.CONFLICT, detail);
  }

  public ProblemType type() {
    return type;
  }

  public Problem toProblem() {
    return new Problem(type.uri(), type.title(), type.status(), getMessage(), null, errors);
  }
}
