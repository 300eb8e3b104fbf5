package com.kam.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's templates compile; a broken one or a missing bundle stops the run with the file named. */
class ReportTemplatesTest {

    @TempDir
    Path folder;

    @Test
    void theProjectTemplatesAndBothBundlesLoad() {
        ReportTemplates templates = new ReportTemplates(properties(Path.of("report-templates")));

        templates.load(List.of("zh", "en"));

        for (ReportType type : ReportType.values()) {
            assertThat(templates.template(type).getName()).isEqualTo(type.template().replace(".jrxml", ""));
        }
        assertThat(templates.labels("zh").getString("scorecard.title")).isEqualTo("销售代表月度考核表");
    }

    @Test
    void aTemplateThatDoesNotCompileStopsTheRunNamingTheFile() throws Exception {
        copyTemplates();
        Path weekly = folder.resolve("team-weekly.jrxml");
        Files.writeString(weekly, Files.readString(weekly).replace("$F{rep_name} == null", "$F{no_such_field} == null"));

        assertThatThrownBy(() -> new ReportTemplates(properties(folder)).load(List.of("zh")))
                .isInstanceOf(ReportTemplateException.class)
                .hasMessageContaining("team-weekly.jrxml does not compile")
                .hasMessageContaining("no_such_field");
    }

    @Test
    void aLanguageWithoutABundleStopsTheRunNamingTheFile() throws Exception {
        copyTemplates();

        assertThatThrownBy(() -> new ReportTemplates(properties(folder)).load(List.of("zh", "fr")))
                .isInstanceOf(ReportTemplateException.class)
                .hasMessageContaining("report_fr.properties are missing");
    }

    private void copyTemplates() throws Exception {
        Files.createDirectories(folder.resolve("i18n"));
        try (Stream<Path> files = Files.walk(Path.of("report-templates"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = folder.resolve(Path.of("report-templates").relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    private static ReportProperties properties(Path templates) {
        return new ReportProperties(templates, List.of(), 1, 10, 45);
    }
}
