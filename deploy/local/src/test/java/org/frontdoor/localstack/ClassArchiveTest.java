package org.frontdoor.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {

    @TempDir
    Path folder;

    @Test
    void aJarsFirstRunRecordsTheArchiveAndLaterRunsMapIt() throws IOException {
        Path jar = jar(Instant.parse("2026-11-26T10:00:00Z"));

        ClassArchive first = ClassArchive.of(jar);
        assertTrue(first.recording());
        Path recording = recordedFile(first);
        Files.write(recording, new byte[] { 1 }); // what the JVM writes as it exits
        first.keepIfRecorded();

        ClassArchive second = ClassArchive.of(jar);
        assertFalse(second.recording());
        assertEquals(List.of("-XX:SharedArchiveFile=" + archiveFile()), second.options());
        assertFalse(Files.exists(recording), "the recording became the archive");
    }

    @Test
    void aRunThatWroteNothingLeavesNoArchiveSoTheNextRecordsAgain() throws IOException {
        Path jar = jar(Instant.parse("2026-11-26T10:00:00Z"));

        ClassArchive killed = ClassArchive.of(jar);
        killed.keepIfRecorded();

        assertTrue(ClassArchive.of(jar).recording());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(jar), files.toList());
        }
    }

    @Test
    void aJarRebuiltAfterItsArchiveWasRecordedIsRecordedAgain() throws IOException {
        Path jar = jar(Instant.parse("2026-11-26T10:00:00Z"));
        record(jar);
        Files.setLastModifiedTime(archiveFile(), FileTime.from(Instant.parse("2026-11-26T11:00:00Z")));

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-11-26T12:00:00Z")));

        assertTrue(ClassArchive.of(jar).recording());
    }

    @Test
    void aRecordingOfAJarRebuiltWhileItRanIsThrownAway() throws IOException {
        Path jar = jar(Instant.parse("2026-11-26T10:00:00Z"));
        ClassArchive stale = ClassArchive.of(jar);
        Files.write(recordedFile(stale), new byte[] { 1 });

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-11-26T10:05:00Z")));
        stale.keepIfRecorded();

        assertFalse(Files.exists(archiveFile()));
        assertTrue(ClassArchive.of(jar).recording());
    }

    @Test
    void twoFirstRunsAtOnceRecordToFilesOfTheirOwn() throws IOException {
        Path jar = jar(Instant.parse("2026-11-26T10:00:00Z"));

        assertFalse(recordedFile(ClassArchive.of(jar)).equals(recordedFile(ClassArchive.of(jar))));
    }

    private Path jar(Instant built) throws IOException {
        Path jar = Files.write(folder.resolve("referral-service-runner.jar"), new byte[] { 0 });
        Files.setLastModifiedTime(jar, FileTime.from(built));
        return jar;
    }

    private void record(Path jar) throws IOException {
        ClassArchive run = ClassArchive.of(jar);
        Files.write(recordedFile(run), new byte[] { 1 });
        run.keepIfRecorded();
    }

    private Path archiveFile() {
        String vm = System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9.+-]", "_");
        return folder.resolve("referral-service-runner-" + vm + ".jsa").toAbsolutePath();
    }

    private static Path recordedFile(ClassArchive run) {
        String option = run.options().get(0);
        assertTrue(option.startsWith("-XX:ArchiveClassesAtExit="), option);
        return Path.of(option.substring("-XX:ArchiveClassesAtExit=".length()));
    }
}
