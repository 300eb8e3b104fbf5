package com.kam.pipeline.forecast;

import com.kam.pipeline.system.KamCommand;
import com.kam.pipeline.system.KamProperties;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kam extract --as-of D [--format csv|xlsx] [--out FILE]}: the finance extract of a stored run. */
@Component
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Write the finance forecast extract of the forecast run stored for an as-of date.")
public class ExtractCommand implements Callable<Integer> {

    enum Format { csv, xlsx }

    @Option(names = "--as-of", required = true, description = "as-of date of a stored forecast run (yyyy-MM-dd)")
    LocalDate asOf;

    @Option(names = "--format", defaultValue = "csv", description = "csv (UTF-8 with BOM) or xlsx; default csv")
    Format format;

    @Option(names = "--out", description = "file to write (default: out/<date>/extracts/forecast-<date>.<format>)")
    Path file;

    @Spec
    CommandSpec spec;

    private final FinanceExtract extract;
    private final KamProperties properties;

    public ExtractCommand(FinanceExtract extract, KamProperties properties) {
        this.extract = extract;
        this.properties = properties;
    }

    @Override
    public Integer call() throws Exception {
        Path target = file != null ? file : FinanceExtract.defaultFile(properties.out(), asOf, format.name());
        String name = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        for (Format other : Format.values()) {
            // an XLSX named .csv (or the reverse) opens as garbage, or not at all, in Excel
            if (other != format && name.endsWith("." + other.name())) {
                spec.commandLine().getErr().println("--out " + target + " is named ." + other.name() + " but --format is "
                        + format.name() + ": name the file ." + format.name() + " or pass --format " + other.name()
                        + "; nothing written");
                return KamCommand.BAD_USAGE;
            }
        }
        try {
            spec.commandLine().getOut().println("extract written: " + extract.write(asOf, format.name(), target));
            return KamCommand.DONE;
        } catch (FinanceExtract.NoRunException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return KamCommand.BAD_USAGE;
        }
    }
}
