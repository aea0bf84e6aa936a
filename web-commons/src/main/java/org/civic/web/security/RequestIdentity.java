package org.civic.web.security;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import java.security.Permission;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A remembered identity as one request sees it: everything from the token's identity, plus this
 * request's routing context under the attribute smallrye-jwt puts it (Quarkus' own {@code
 * RoutingContextAwareSecurityIdentity} does the same and is not public).
 */
final class RequestIdentity implements SecurityIdentity {
  static final String ROUTING_CONTEXT = RoutingContext.class.getName();

  private final SecurityIdentity token;
  private final RoutingContext routingContext;

  RequestIdentity(SecurityIdentity token, RoutingContext routingContext) {
    this.token = token;
    this.routingContext = routingContext;
  }

  @Override
  public Principal getPrincipal() {
    return token.getPrincipal();
  }

  @Override
  public boolean isAnonymous() {
    return token.isAnonymous();
  }

  @Override
  public Set<String> getRoles() {
    return token.getRoles();
  }

  @Override
  public boolean hasRole(String role) {
    return token.hasRole(role);
  }

  @Override
  public <T extends Credential> T getCredential(Class<T> type) {
    return token.getCredential(type);
  }

  @Override
  public Set<Credential> getCredentials() {
    return token.getCredentials();
  }

  @Override
  public Set<Permission> getPermissions() {
    return token.getPermissions();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getAttribute(String name) {
    return ROUTING_CONTEXT.equals(name) ? (T) routingContext : token.getAttribute(name);
  }

  @Override
  public Map<String, Object> getAttributes() {
    Map<String, Object> attributes = new HashMap<>(token.getAttributes());
    attributes.put(ROUTING_CONTEXT, routingContext);
    return Map.copyOf(attributes);
  }

  @Override
  public Uni<Boolean> checkPermission(Permission permission) {
    return token.checkPermission(permission);
  }
}
