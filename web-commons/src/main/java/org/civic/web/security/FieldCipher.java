package org.civic.web.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption (AES-256-GCM) of single field values such as ID numbers.
 *
 * <p>Keys come from configuration as {@code id:base64key,id:base64key,...}: the first key encrypts,
 * all of them decrypt. A stored value is {@code id:base64(iv || ciphertext || tag)}, so rotating
 * is: put a new key first, keep the old ones until every row has been re-encrypted (a row is
 * re-encrypted with the current key whenever it is written), then drop them. The key id is bound
 * into the tag as associated data, so a value cannot be moved to another key id.
 */
public final class FieldCipher {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String currentId;
  private final Map<String, SecretKey> keys = new LinkedHashMap<>();

  public FieldCipher(String keySpec) {
    if (keySpec == null || keySpec.isBlank()) {
      throw new IllegalArgumentException("No encryption key is configured");
    }
    for (String entry : keySpec.split(",")) {
      String[] parts = entry.trim().split(":", 2);
      if (parts.length != 2 || parts[0].isBlank()) {
        throw new IllegalArgumentException("Encryption keys must look like id:base64key");
      }
      byte[] key = Base64.getDecoder().decode(parts[1].trim());
      if (key.length != 32) {
        throw new IllegalArgumentException("Encryption key " + parts[0] + " must be 32 bytes");
      }
      keys.put(parts[0].trim(), new SecretKeySpec(key, "AES"));
    }
    currentId = keys.keySet().iterator().next();
  }

  /** A new random key in the configuration format, for {@code id}. */
  public static String newKey(String id) {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return id + ":" + Base64.getEncoder().encodeToString(key);
  }

  public String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(currentId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return currentId + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  public String decrypt(String stored) {
    if (stored == null) {
      return null;
    }
    int colon = stored.indexOf(':');
    SecretKey key = colon < 0 ? null : keys.get(stored.substring(0, colon));
    if (key == null) {
      throw new IllegalStateException("The value was encrypted with a key that is not configured");
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD(stored.substring(0, colon).getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("The encrypted value is corrupt or was tampered with", e);
    }
  }

  /** Whether this stored value was encrypted with an older key and should be re-encrypted. */
  public boolean needsRotation(String stored) {
    return stored != null && !stored.startsWith(currentId + ":");
  }
}
