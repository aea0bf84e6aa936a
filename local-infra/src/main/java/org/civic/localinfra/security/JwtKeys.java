package org.civic.localinfra.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs tokens in the local run and in tests. Production uses the city's
 * identity provider instead; the services only ever see the public key.
 */
public final class JwtKeys {
  public static final String PRIVATE_KEY_FILE = "private.pem";
  public static final String PUBLIC_KEY_FILE = "public.pem";

  private JwtKeys() {}

  public static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Loads the key pair from {@code dir}, creating it on first use (private key owner-only). */
  public static KeyPair loadOrCreate(Path dir) {
    Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
    Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
    try {
      if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
        return new KeyPair(readPublic(publicFile), readPrivate(privateFile));
      }
      Files.createDirectories(dir);
      KeyPair keys = generate();
      Files.writeString(publicFile, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
      Files.writeString(privateFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
      try {
        Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: nothing more we can do
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create the signing key in " + dir, e);
    }
  }

  public static PrivateKey readPrivate(Path file) throws IOException {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(file))));
    } catch (GeneralSecurityException e) {
      throw new IOException("Not an RSA private key in PEM (PKCS#8): " + file, e);
    }
  }

  public static PublicKey readPublic(Path file) throws IOException {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(der(Files.readString(file))));
    } catch (GeneralSecurityException e) {
      throw new IOException("Not an RSA public key in PEM: " + file, e);
    }
  }

  public static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static byte[] der(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
  }
}
