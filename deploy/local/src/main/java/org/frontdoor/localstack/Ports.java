package org.frontdoor.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Chooses loopback ports for the local stack: a free one when none is configured, or the configured
 * one only after checking nobody else holds it, so a clash fails early with a message a person can act on.
 */
public final class Ports {

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

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port could be found", e);
        }
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
