package org.frontdoor.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the JSON Schemas and golden sample events packaged in this jar, so that any module's tests
 * can check what it produces or consumes against the one contract. Works from a jar as well as a
 * directory, because samples are listed in {@value #SAMPLE_INDEX} rather than discovered.
 */
public final class EventSchemas {

    /** Classpath resource listing every golden sample, one resource name per line. */
    public static final String SAMPLE_INDEX = "samples/index.txt";

    /** JSON Schema of the structured-mode CloudEvent envelope the samples are written in. */
    public static final String ENVELOPE_SCHEMA = "schemas/cloudevent.json";

    private static final List<String> ALL_SAMPLES = readIndex();

    private EventSchemas() {
    }

    /** Classpath resource name of the schema that validates the {@code data} of the given type. */
    public static String schemaResource(String type) {
        return "schemas/" + type + ".json";
    }

    /** Whether the contract has a data schema for the given type yet. */
    public static boolean hasSchema(String type) {
        return loader().getResource(schemaResource(type)) != null;
    }

    /** The event types that have a data schema. */
    public static Set<String> typesWithSchema() {
        return EventTypes.all().stream().filter(EventSchemas::hasSchema).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Opens the JSON Schema (draft 2020-12) of the given type's {@code data}; the caller closes it.
     *
     * @throws IllegalArgumentException when there is no schema for the type
     */
    public static InputStream schema(String type) {
        InputStream in = loader().getResourceAsStream(schemaResource(type));
        if (in == null) {
            throw new IllegalArgumentException("No schema for event type: " + type);
        }
        return in;
    }

    /** Classpath resource names of the golden samples of the given type, in index order. */
    public static List<String> samples(String type) {
        String folder = "samples/" + type + "/";
        return ALL_SAMPLES.stream().filter(name -> name.startsWith(folder)).collect(Collectors.toUnmodifiableList());
    }

    /** Classpath resource names of every golden sample, in index order. */
    public static List<String> allSamples() {
        return ALL_SAMPLES;
    }

    /**
     * Opens a classpath resource of this jar, such as a name from {@link #samples(String)}; the
     * caller closes it.
     *
     * @throws IllegalArgumentException when there is no such resource
     */
    public static InputStream open(String resourceName) {
        InputStream in = loader().getResourceAsStream(resourceName);
        if (in == null) {
            throw new IllegalArgumentException("No such resource: " + resourceName);
        }
        return in;
    }

    private static List<String> readIndex() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(open(SAMPLE_INDEX), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SAMPLE_INDEX, e);
        }
    }

    private static ClassLoader loader() {
        return EventSchemas.class.getClassLoader();
    }
}
