package org.frontdoor.localstack;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the broker process: runs Kafka and exits as soon as its parent goes away (its stdin
 * closes), so a killed test JVM or launcher never leaves a broker behind.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(KafkaBrokerMain::exitWhenParentGoes, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private static void exitWhenParentGoes() {
        InputStream in = System.in;
        byte[] buffer = new byte[64];
        try {
            while (in.read(buffer) >= 0) {
                // The parent never writes; reading only waits for end of stream.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone as well.
        }
        Runtime.getRuntime().halt(0);
    }
}
