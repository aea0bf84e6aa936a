package org.civic.web.problem;

/** The stable problem types every service answers with. */
public enum ProblemType {
  VALIDATION_ERROR(400, "Invalid request"),
  MALFORMED_REQUEST(400, "Malformed request body"),
  UNAUTHORIZED(401, "Authentication required"),
  FORBIDDEN(403, "Forbidden"),
  NOT_FOUND(404, "Resource not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  CONFLICT(409, "Conflict"),
  VERSION_CONFLICT(409, "The resource was changed by someone else"),
  PRECONDITION_FAILED(412, "The resource was changed by someone else"),
  PAYLOAD_TOO_LARGE(413, "Request too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  BUSINESS_RULE_VIOLATION(422, "The request breaks a rule"),
  PRECONDITION_REQUIRED(428, "A version is required"),
  INTERNAL_ERROR(500, "Internal error");

  private final int status;
  private final String title;

  ProblemType(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String uri() {
    return "urn:problem-type:" + name().toLowerCase().replace('_', '-');
  }

  public Problem problem(String detail) {
    return new Problem(uri(), title, status, detail, null, null);
  }
}
