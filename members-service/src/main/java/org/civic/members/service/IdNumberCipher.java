package org.civic.members.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.civic.web.security.FieldCipher;
import org.civic.web.security.Masking;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts resident ID numbers at rest (AES-256-GCM, web-commons {@link FieldCipher}) with the keys
 * of {@value #KEYS} (env {@code SECURITY_ENCRYPTION_KEYS}): {@code id:base64key,...}, the first
 * encrypts, all decrypt.
 *
 * <p>Created at startup: without a usable key the service does not start (an ID number must never
 * be stored in clear, and a service that only fails on the first save is found out too late).
 */
@ApplicationScoped
@Startup
public class IdNumberCipher {
  public static final String KEYS = "security.encryption.keys";

  private final FieldCipher cipher;
  private final String currentKeyId;

  IdNumberCipher(@ConfigProperty(name = KEYS) Optional<String> keys) {
    this.cipher = create(keys.orElse(null));
    this.currentKeyId = keys.orElseThrow().split(",")[0].split(":")[0].trim();
  }

  /** The cipher for a key configuration, or a startup error that says what to configure. */
  static FieldCipher create(String keys) {
    if (keys == null || keys.isBlank()) {
      throw new IllegalStateException(
          "No key to encrypt ID numbers: set "
              + KEYS
              + " (environment SECURITY_ENCRYPTION_KEYS) to keyId:base64Key, a random 32-byte"
              + " AES key (e.g. k1:$(openssl rand -base64 32)); see docs/members-service.md,"
              + " \"ID numbers\"");
    }
    try {
      return new FieldCipher(keys);
    } catch (IllegalArgumentException e) {
      // The message names the key id at most, never key material.
      throw new IllegalStateException(
          KEYS + " is not usable: " + e.getMessage() + " (expected keyId:base64Key[,...])");
    }
  }

  public String encrypt(String idNumber) {
    return cipher.encrypt(idNumber);
  }

  /** The number as the API shows it: masked (110***********1234), or null. */
  public String masked(String stored) {
    return stored == null ? null : Masking.idNumber(cipher.decrypt(stored));
  }

  /** A stored value under the current key: itself, or re-encrypted when an older key sealed it. */
  public String underCurrentKey(String stored) {
    return stored != null && cipher.needsRotation(stored)
        ? cipher.encrypt(cipher.decrypt(stored))
        : stored;
  }

  public boolean needsRotation(String stored) {
    return cipher.needsRotation(stored);
  }

  /** The id of the key new values are encrypted with. */
  public String currentKeyId() {
    return currentKeyId;
  }
}
