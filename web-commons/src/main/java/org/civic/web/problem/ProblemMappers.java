package org.civic.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.civic.domain.RuleViolation;
import org.civic.web.security.AccessDenied;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into problem+json, the same way in every service. Expected failures keep
 * their 4xx status and say what to fix; anything unexpected is a 500 that leaks no internals.
 */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return respond(e.toProblem(), uri);
  }

  @ServerExceptionMapper
  public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
    return unauthorized("A valid bearer token is required", uri);
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
    // Never say why (expired, wrong key, wrong issuer): that helps an attacker, not a user.
    return unauthorized("The bearer token is invalid or expired", uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(ProblemType.FORBIDDEN.problem("Your role may not do this"), uri);
  }

  @ServerExceptionMapper
  public Response accessDenied(AccessDenied e, UriInfo uri) {
    return respond(ProblemType.FORBIDDEN.problem(e.getMessage()), uri);
  }

  private Response unauthorized(String detail, UriInfo uri) {
    return Response.fromResponse(respond(ProblemType.UNAUTHORIZED.problem(detail), uri))
        .header("WWW-Authenticate", "Bearer")
        .build();
  }

  @ServerExceptionMapper
  public Response ruleViolation(RuleViolation e, UriInfo uri) {
    List<Problem.FieldError> errors =
        e.violations().stream()
            .filter(v -> v.field() != null)
            .map(v -> new Problem.FieldError(v.field(), v.message()))
            .toList();
    ProblemType type = ProblemType.BUSINESS_RULE_VIOLATION;
    return respond(
        new Problem(
            type.uri(),
            type.title(),
            type.status(),
            e.getMessage(),
            null,
            errors.isEmpty() ? null : errors),
        uri);
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    String detail =
        errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    return respond(
        new Problem(
            ProblemType.VALIDATION_ERROR.uri(),
            ProblemType.VALIDATION_ERROR.title(),
            400,
            detail,
            null,
            errors),
        uri);
  }

  @ServerExceptionMapper
  public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
    String field = path(e);
    String message =
        e.getTargetType() != null && e.getTargetType().isEnum()
            ? "must be one of "
                + Arrays.toString(e.getTargetType().getEnumConstants())
                + ", not '"
                + e.getValue()
                + "'"
            : "cannot read '" + e.getValue() + "' as " + simpleName(e.getTargetType());
    return respond(fieldProblem(field, message), uri);
  }

  @ServerExceptionMapper
  public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
    return respond(fieldProblem(path(e), "unknown field"), uri);
  }

  @ServerExceptionMapper
  public Response jsonMapping(JsonMappingException e, UriInfo uri) {
    String field = path(e);
    return respond(
        field.isEmpty()
            ? ProblemType.MALFORMED_REQUEST.problem(e.getOriginalMessage())
            : fieldProblem(field, "has the wrong type or shape"),
        uri);
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e, UriInfo uri) {
    return respond(
        ProblemType.MALFORMED_REQUEST.problem(
            "The body is not valid JSON: " + e.getOriginalMessage()),
        uri);
  }

  @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
  public Response staleVersion(RuntimeException e, UriInfo uri) {
    return respond(
        ProblemType.VERSION_CONFLICT.problem(
            "Someone else changed this resource meanwhile; reload it and apply your change again"),
        uri);
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    // Quarkus REST's Jackson reader wraps a body that does not parse in a plain 400 ("HTTP 400 Bad
    // Request"); say what is wrong with it instead.
    if (e.getCause() instanceof JsonProcessingException json) {
      return malformedJson(json, uri);
    }
    int status = e.getResponse().getStatus();
    ProblemType type =
        switch (status) {
          case 404 -> ProblemType.NOT_FOUND;
          case 405 -> ProblemType.METHOD_NOT_ALLOWED;
          case 406 -> ProblemType.NOT_ACCEPTABLE;
          case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
          case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
          default -> status < 500 ? ProblemType.VALIDATION_ERROR : ProblemType.INTERNAL_ERROR;
        };
    String detail = status == 404 ? "No resource at this path" : e.getMessage();
    List<Problem.FieldError> errors = null;
    // "name: message" from a parameter converter names the offending parameter.
    if (status == 400 && detail != null && detail.contains(": ")) {
      int colon = detail.indexOf(": ");
      errors =
          List.of(new Problem.FieldError(detail.substring(0, colon), detail.substring(colon + 2)));
    }
    return respond(new Problem(type.uri(), type.title(), status, detail, null, errors), uri);
  }

  @ServerExceptionMapper(priority = 10_000)
  public Response unexpected(Throwable e, UriInfo uri) {
    if (isUniqueViolation(e)) {
      // Two requests raced to create the same thing; the loser retries or reloads.
      return respond(
          ProblemType.CONFLICT.problem(
              "This conflicts with a record that was created meanwhile; reload and try again"),
          uri);
    }
    LOG.error("Unexpected error on " + (uri == null ? "?" : uri.getPath()), e);
    return respond(
        ProblemType.INTERNAL_ERROR.problem("An unexpected error occurred; it has been logged"),
        uri);
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  static Response respond(Problem problem, UriInfo uri) {
    Problem body = uri == null ? problem : problem.withInstance(uri.getPath());
    return Response.status(body.status()).type(Problem.MEDIA_TYPE).entity(body).build();
  }

  private static Problem fieldProblem(String field, String message) {
    return new Problem(
        ProblemType.VALIDATION_ERROR.uri(),
        ProblemType.VALIDATION_ERROR.title(),
        400,
        field + ": " + message,
        null,
        List.of(new Problem.FieldError(field, message)));
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  /** "create.request.name" (method.parameter.field) becomes "name". */
  private static String fieldOf(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    String[] parts = path.split("\\.");
    return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : path;
  }

  private static String simpleName(Class<?> type) {
    return type == null ? "the expected type" : type.getSimpleName();
  }
}
