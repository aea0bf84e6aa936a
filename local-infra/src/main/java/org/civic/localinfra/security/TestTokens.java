package org.civic.localinfra.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.UUID;

/**
 * Tokens for tests, signed by a key pair made once per JVM. {@code LocalInfraTestResource} points
 * the service under test at its public key, so these are verified for real (signature, issuer,
 * audience, expiry) — no security is switched off in tests.
 */
public final class TestTokens {
  private static final KeyPair KEYS = JwtKeys.generate();
  private static Path publicKeyFile;

  private TestTokens() {}

  /** A PEM file with the public key, for {@code mp.jwt.verify.publickey.location}. */
  public static synchronized Path publicKeyFile() {
    if (publicKeyFile == null) {
      try {
        publicKeyFile = Files.createTempFile("test-jwt-", ".pem");
        publicKeyFile.toFile().deleteOnExit();
        Files.writeString(publicKeyFile, JwtKeys.pem("PUBLIC KEY", KEYS.getPublic().getEncoded()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return publicKeyFile;
  }

  /** The default caller of every test: the administrator of {@link Tokens#DEMO_STREET}. */
  public static String streetAdmin() {
    return of("STREET_ADMIN", Tokens.DEMO_STREET);
  }

  /** A valid token for a role bound to an org unit. */
  public static String of(String role, UUID orgUnit) {
    return Tokens.mint(
        KEYS.getPrivate(), role.toLowerCase() + "-test", role, orgUnit, null, Duration.ofHours(1));
  }

  /** A valid MEMBER token for this member. */
  public static String member(UUID memberId) {
    return Tokens.mint(
        KEYS.getPrivate(), "member-" + memberId, "MEMBER", null, memberId, Duration.ofHours(1));
  }

  /** A token that expired ten minutes ago. */
  public static String expired(String role, UUID orgUnit) {
    return Tokens.mint(KEYS.getPrivate(), "expired", role, orgUnit, null, Duration.ofMinutes(-10));
  }

  /** A well-formed token signed by a key the services do not trust. */
  public static String signedByAnotherKey(String role, UUID orgUnit) {
    return Tokens.mint(
        JwtKeys.generate().getPrivate(), "intruder", role, orgUnit, null, Duration.ofHours(1));
  }
}
