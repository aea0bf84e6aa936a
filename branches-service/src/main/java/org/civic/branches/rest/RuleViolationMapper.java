package org.civic.branches.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.civic.branches.domain.RuleViolation;
import org.civic.web.problem.ProblemException;
import org.civic.web.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A domain rule violation that reached the web layer is a 422 problem naming the field. */
public class RuleViolationMapper {
  private final ProblemMappers problems = new ProblemMappers();

  @ServerExceptionMapper
  public Response ruleViolation(RuleViolation v, UriInfo uri) {
    return problems.problem(ProblemException.ruleViolation(v.field(), v.getMessage()), uri);
  }
}
