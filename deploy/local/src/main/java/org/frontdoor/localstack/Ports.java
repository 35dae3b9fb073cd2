package org.frontdoor.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/**
 * Chooses loopback ports for the local stack: a free one when none is configured, or the configured
 * one only after checking nobody else holds it, so a clash fails early with a message a person can act on.
 */
public final class Ports {

    private static final Set<Integer> ISSUED = new HashSet<>();

    private Ports() {
    }

    /** Returns {@code configured} if it is free, a free ephemeral port if it is 0, and fails clearly otherwise. */
    public static int choose(String what, int configured) {
        if (configured == 0) {
            return free();
        }
        if (!isFree(configured)) {
            throw new IllegalStateException(what + " port " + configured
                    + " is already in use on this machine. Stop whatever holds it (for example `ss -ltnp | grep :"
                    + configured + "`) or choose another port with the matching option.");
        }
        return configured;
    }

    /**
     * A free loopback port not handed out before by this JVM: the operating system may offer a port it
     * just gave us again (the socket is closed at once), and two listeners of one broker on one port fail.
     */
    public static synchronized int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                int port = socket.getLocalPort();
                if (ISSUED.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new IllegalStateException("No free loopback port could be found", e);
            }
        }
        throw new IllegalStateException("No new free loopback port after 100 attempts");
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean isAccepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
