package com.kam.pipeline.ingest;

import com.kam.pipeline.system.ConfigFile;
import com.kam.pipeline.ingest.Source.JdbcSettings;
import com.kam.pipeline.ingest.Source.SourceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and checks the mapping files under {@code jobs/sources/}. A file that cannot be used
 * is refused with its path, line and reason, before any data is touched.
 */
public final class SourceCatalog {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    static final List<String> DEFAULT_DATE_FORMATS = List.of("yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd");
    static final List<String> DEFAULT_DATETIME_FORMATS =
            List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss.S");

    private final List<Source> sources;

    private SourceCatalog(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    public static SourceCatalog load(Path directory) {
        return load(directory, System.getenv());
    }

    static SourceCatalog load(Path directory, Map<String, String> environment) {
        if (!Files.isDirectory(directory)) {
            throw new MappingException(directory.toAbsolutePath(), 0, "source mapping folder not found");
        }
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                sources.add(read(file, environment));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new HashSet<>();
        for (Source source : sources) {
            if (!names.add(source.name())) {
                throw new MappingException(source.definedIn(), ConfigFile.lineOf(source.definedIn(), "name"),
                        "source name '" + source.name() + "' is used by another mapping file");
            }
        }
        return new SourceCatalog(sources);
    }

    public List<Source> sources() {
        return sources;
    }

    /** The sources whose file pattern matches the file; a file matched by several is left in the inbox. */
    public List<Source> matching(Path file) {
        return sources.stream().filter(s -> s.matches(file)).toList();
    }

    public Source byName(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no source named " + name));
    }

    static Source read(Path file, Map<String, String> environment) {
        SourceMappingFile m;
        try {
            m = YAML.readValue(file.toFile(), SourceMappingFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new MappingException(file, ConfigFile.lineOf(file, e.getPropertyName()), "unknown setting '" + e.getPropertyName()
                    + "'; settings are name, kind, type, file-pattern, encoding, delimiter, sheet, date-formats,"
                    + " datetime-formats, columns, ignore-columns, values, jdbc, sql, description");
        } catch (JacksonException e) {
            throw new MappingException(file, ConfigFile.lineOf(e), e.getOriginalMessage());
        }
        if (m == null) {
            throw new MappingException(file, 0, "file is empty");
        }
        Checker c = new Checker(file);
        String name = c.required("name", m.name());
        InputKind kind = c.parse("kind", () -> InputKind.fromCode(c.required("kind", m.kind())));
        String typeName = c.required("type", m.type());
        SourceType type = java.util.Arrays.stream(SourceType.values()).filter(t -> t.name().equalsIgnoreCase(typeName)).findFirst()
                .orElseThrow(() -> c.error("type", "type: unknown type '" + typeName + "'; expected csv, xlsx or jdbc"
                        + (typeName.equalsIgnoreCase("xls") ? " (save an .xls workbook as .xlsx)" : "")));
        if (type != SourceType.JDBC) {
            c.required("file-pattern", m.filePattern());
        }
        Charset charset = null;
        if (m.encoding() != null && !m.encoding().equalsIgnoreCase("auto")) {
            try {
                charset = Charset.forName(m.encoding().trim());
            } catch (IllegalArgumentException e) {
                throw c.error("encoding", "encoding: unknown encoding '" + m.encoding() + "'; use auto, UTF-8, GB18030 (which"
                        + " reads GBK and GB2312 too) or UTF-16");
            }
        }
        char delimiter = ',';
        if (m.delimiter() != null) {
            String d = m.delimiter().equals("\\t") ? "\t" : m.delimiter();
            if (d.length() != 1) {
                throw c.error("delimiter", "delimiter must be one character, got '" + m.delimiter() + "'");
            }
            delimiter = d.charAt(0);
        }
        if (type == SourceType.XLSX && m.sheet() == null) {
            throw c.error("type", "an xlsx source needs 'sheet': the name of the sheet to read");
        }
        List<DateTimeFormatter> dates = c.formats("date-formats", m.dateFormats(), DEFAULT_DATE_FORMATS);
        List<DateTimeFormatter> datetimes = c.formats("datetime-formats", m.datetimeFormats(), DEFAULT_DATETIME_FORMATS);

        Map<String, String> headers = new LinkedHashMap<>();
        if (m.columns() != null) {
            m.columns().forEach((field, header) -> {
                c.field(kind, field, "columns");
                headers.put(field, header == null ? field : header.trim());
            });
        }
        Set<String> ignored = new HashSet<>();
        if (m.ignoreColumns() != null) {
            for (String column : m.ignoreColumns()) {
                String ignore = column == null ? "" : column.trim();
                for (FieldSpec spec : kind.fields()) {
                    if (headers.getOrDefault(spec.name(), spec.name()).equalsIgnoreCase(ignore)) {
                        throw c.error("ignore-columns", "ignore-columns: '" + ignore + "' is the column of " + spec.name()
                                + "; a column is either read or ignored");
                    }
                }
                ignored.add(ignore.toLowerCase(java.util.Locale.ROOT));
            }
        }
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        if (m.values() != null) {
            m.values().forEach((field, mapping) -> {
                FieldSpec spec = c.field(kind, field, "values");
                Map<String, String> normalised = new LinkedHashMap<>();
                if (mapping != null) {
                    mapping.forEach((from, to) -> {
                        if (spec.type() == FieldType.CODE && !Vocabularies.isCode(spec.vocabulary(), to)) {
                            throw c.error(from, "values." + field + ": '" + to + "' is not a " + spec.vocabulary()
                                    + " code; expected one of " + Vocabularies.codes(spec.vocabulary()));
                        }
                        normalised.put(Vocabularies.normalise(from), to);
                    });
                }
                values.put(field, normalised);
            });
        }
        JdbcSettings jdbc = null;
        if (type == SourceType.JDBC) {
            if (m.jdbc() == null || m.jdbc().url() == null) {
                throw c.error("type", "a jdbc source needs 'jdbc: url:' (and usually username and password)");
            }
            c.required("sql", m.sql());
            jdbc = new JdbcSettings(c.expand("url", m.jdbc().url(), environment),
                    c.expand("username", m.jdbc().username(), environment),
                    c.expand("password", m.jdbc().password(), environment));
        }
        return new Source(name, kind, type, file, m.filePattern(), charset, delimiter, m.sheet(), dates, datetimes,
                headers, Set.copyOf(ignored), values, jdbc, m.sql(), Source.isoDatesFirst(dates), Source.isoDateTimesFirst(datetimes));
    }

    /** Small helper that turns problems into {@link MappingException}s pointing at a line. */
    private record Checker(Path file) {

        MappingException error(String key, String reason) {
            return new MappingException(file, ConfigFile.lineOf(file, key), reason);
        }

        String required(String key, String value) {
            if (value == null || value.isBlank()) {
                throw error(key, "'" + key + "' is required");
            }
            return value.trim();
        }

        <T> T parse(String key, java.util.function.Supplier<T> parser) {
            try {
                return parser.get();
            } catch (MappingException e) {
                throw e;
            } catch (RuntimeException e) {
                throw error(key, key + ": " + e.getMessage());
            }
        }

        FieldSpec field(InputKind kind, String field, String section) {
            return kind.fields().stream().filter(f -> f.name().equals(field)).findFirst()
                    .orElseThrow(() -> error(field, section + ": '" + field + "' is not a field of kind " + kind.code()
                            + "; fields are " + kind.fields().stream().map(FieldSpec::name).toList()));
        }

        List<DateTimeFormatter> formats(String key, List<String> patterns, List<String> defaults) {
            List<DateTimeFormatter> result = new ArrayList<>();
            for (String pattern : patterns == null || patterns.isEmpty() ? defaults : patterns) {
                String strict = pattern.replace("yyyy", "uuuu");
                result.add(parse(key, () -> DateTimeFormatter.ofPattern(strict).withResolverStyle(ResolverStyle.STRICT)));
            }
            return result;
        }

        String expand(String key, String value, Map<String, String> environment) {
            if (value == null) {
                return null;
            }
            Matcher matcher = ENV.matcher(value);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String replacement = environment.get(matcher.group(1));
                if (replacement == null) {
                    throw error(key, "environment variable " + matcher.group(1) + " is not set");
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(out);
            return out.toString();
        }
    }
}
