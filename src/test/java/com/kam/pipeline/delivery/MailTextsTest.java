package com.kam.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.report.ReportType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A mail names each report as the report's own title does, in every language of both. */
class MailTextsTest {

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void theMailNamesEachReportByItsTitle(String language) throws IOException {
        ResourceBundle mail = mailTexts(language);
        Properties labels = reportLabels(language);
        for (ReportType type : ReportType.values()) {
            assertThat(mail.getString("type." + type.name())).as("%s in %s", type, language)
                    .isEqualTo(labels.getProperty(type.name().toLowerCase(Locale.ROOT) + ".title"));
        }
    }

    /** A mail names grades and forecast methods as the report of its language does (the scorecard, the funnel report). */
    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void theMailNamesGradesAndForecastMethodsAsTheReportsDo(String language) throws IOException {
        ResourceBundle mail = mailTexts(language);
        Properties labels = reportLabels(language);
        java.util.List<String> keys = labels.stringPropertyNames().stream()
                .filter(key -> key.startsWith("grade.") || key.startsWith("method.")).sorted().toList();
        assertThat(keys).as(language).anyMatch(key -> key.startsWith("method."));
        for (String key : keys) {
            assertThat(mail.getString(key)).as("%s in %s", key, language).isEqualTo(labels.getProperty(key));
        }
    }

    private static ResourceBundle mailTexts(String language) {
        return ResourceBundle.getBundle("delivery.messages", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static Properties reportLabels(String language) throws IOException {
        Properties labels = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("report-templates/i18n/report_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            labels.load(in);
        }
        return labels;
    }
}
