package org.civic.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collection;

/** Port helpers shared by the embedded servers and the launcher. */
public final class Ports {

  private Ports() {}

  /** A port that was free a moment ago (the OS picks it); fine for local and test use. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free local port", e);
    }
  }

  /**
   * A free port that is none of {@code taken}: ports picked but not yet listened on are free to the
   * OS, which may hand the same one out again (a CI run once gave Kafka's broker and controller the
   * same port).
   */
  public static int freePortOtherThan(Collection<Integer> taken) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = freePort();
      if (!taken.contains(port)) {
        return port;
      }
    }
    throw new IllegalStateException("No free local port other than " + taken);
  }

  /** True if nothing listens on the port, on any local address. */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // Reuse-address so a socket in TIME_WAIT from our own previous run does not count as taken;
      // a listening socket still does.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Fails fast, naming the port and its purpose, so nobody debugs a half-started platform. */
  static int requireFree(int port, String purpose) {
    if (!isFree(port)) {
      throw new IllegalStateException(
          "Port "
              + port
              + " ("
              + purpose
              + ") is already in use. Stop whatever listens there (e.g. `ss -ltnp | grep :"
              + port
              + "`) or choose another port.");
    }
    return port;
  }
}
