package com.kam.pipeline.system;

import com.kam.pipeline.ingest.MappingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads an operator-edited YAML file under {@code jobs/} into its record. Anything wrong is a
 * {@link MappingException} naming the file, the line and the reason, so the command line can
 * refuse it with exit code 2 before any job starts.
 */
public final class JobsFile {


    private JobsFile() {
    }

    public static <T> T read(Path file, Class<T> type, String knownSettings) {
        return ConfigFile.read(file, type, knownSettings);
    }

    /** The first line holding {@code text} (a key or a value), 0 if none: where to point the operator. */
    public static int lineOf(Path file, String text) {
        return lineOf(file, text, 0);
    }

    /** The line of the {@code occurrence}-th (from 0) line holding {@code text}, outside comments; 0 if none. */
    public static int lineOf(Path file, String text, int occurrence) {
        try {
            List<String> lines = Files.readAllLines(file);
            int seen = 0;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int comment = line.indexOf('#');
                if ((comment < 0 ? line : line.substring(0, comment)).contains(text) && seen++ == occurrence) {
                    return i + 1;
                }
            }
        } catch (IOException ignored) {
            // the line number is a courtesy
        }
        return 0;
    }
}
