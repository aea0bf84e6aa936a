package org.civic.web.security;

/**
 * The caller is authenticated but may not do this (403). Plain Java so domain-level scope checks
 * can throw it; web-commons renders it as problem+json.
 */
public class AccessDenied extends RuntimeException {
  public AccessDenied(String message) {
    super(message);
  }
}
