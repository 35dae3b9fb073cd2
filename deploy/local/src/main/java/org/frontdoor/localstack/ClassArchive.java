package org.frontdoor.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * A service jar's application class-data archive (Java 17's dynamic AppCDS archive): the classes a run of the
 * service loaded, already parsed and verified, which later starts map instead of loading them one by one
 * (docs/decisions.md: metrics-service on an idle stack, 5.6–6.0 s to ready without, 2.9–3.4 s with).
 *
 * <p>The first run of a jar on this JVM records the archive, which the JVM writes as the service stops; every
 * later run maps it. It lives next to the jar, named after the JVM's version (another JDK records its own), and
 * a jar rebuilt since it was recorded is recorded again. Each recording goes to a file of its own and replaces
 * the archive only once complete, so two first runs at once (two instances of a service) cannot leave a torn
 * archive; a service killed before it could write one records again next time. Should the JVM still refuse an
 * archive, it says so in the service's log and starts the ordinary way.
 */
final class ClassArchive {

    private final Path jar;
    private final Path archive;
    private final Path recording;
    private final FileTime jarTime;

    private ClassArchive(Path jar, Path archive, Path recording, FileTime jarTime) {
        this.jar = jar;
        this.archive = archive;
        this.recording = recording;
        this.jarTime = jarTime;
    }

    static ClassArchive of(Path jar) throws IOException {
        Path folder = jar.toAbsolutePath().getParent();
        String base = jar.getFileName().toString().replaceFirst("\\.jar$", "") + "-"
                + System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9.+-]", "_");
        Path archive = folder.resolve(base + ".jsa");
        FileTime jarTime = Files.getLastModifiedTime(jar);
        if (Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(jarTime) > 0) {
            return new ClassArchive(jar, archive, null, jarTime);
        }
        Path recording = folder.resolve(
                base + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".jsa.part");
        return new ClassArchive(jar, archive, recording, jarTime);
    }

    /** The JVM options that map the archive, or that record it as this run ends. */
    List<String> options() {
        return recording == null ? List.of("-XX:SharedArchiveFile=" + archive)
                // Recording, the JVM lists every class it leaves out (hundreds of lines): only errors, please.
                : List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds*=error");
    }

    /** Whether this run records the archive (and so takes longer to stop, while the JVM writes it). */
    boolean recording() {
        return recording != null;
    }

    /** After the run: puts a complete recording in the archive's place, unless the jar changed meanwhile. */
    void keepIfRecorded() {
        if (recording == null) {
            return;
        }
        try {
            if (Files.isRegularFile(recording) && Files.size(recording) > 0
                    && Files.getLastModifiedTime(jar).equals(jarTime)) {
                Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(recording);
            }
        } catch (IOException e) {
            // No archive this time: the next run records one.
        }
    }
}
