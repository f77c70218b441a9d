package org.dutygraph.cli;

import java.io.BufferedInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import org.dutygraph.conflicts.BundleAnalysis;
import org.dutygraph.conflicts.ConflictSettings;
import org.dutygraph.org.bundle.Bundle;
import org.dutygraph.org.bundle.BundleReader;
import org.dutygraph.org.bundle.BundleValidator;
import org.dutygraph.org.bundle.ExistingIds;
import org.dutygraph.org.bundle.Problems;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.restructuring.ComparisonHtml;
import org.dutygraph.restructuring.ComparisonJson;
import org.dutygraph.restructuring.ComparisonMarkdown;
import org.dutygraph.restructuring.OrgComparer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares two org-bundle/1 files, each read as a whole organisation, by their conflict analyses (the engine
 * {@code analyze} uses), duties and staffing. Works in memory: no store, nothing written.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compares two org-bundle/1 files (before and after a restructuring): findings resolved, "
                    + "created and persisting, duties moved, dropped and added, staffing against quota per unit."
        },
        footer = {"", "Exit status: 0 compared, 1 a bundle rejected (every problem on standard error), 2 usage error."})
final class CompareCommand implements Callable<Integer> {

    enum Format {
        json,
        md,
        html
    }

    /** The catalogue without the application, for the problems' words (Chinese, as analyze prints them). */
    private static final Messages MESSAGES = new Messages(catalogue());

    private static MessageSource catalogue() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<before.json>", description = "the organisation as it is")
    private Path before;

    @Parameters(
            index = "1",
            paramLabel = "<after.json>",
            description = "the organisation after the change; " + "duties and power items that survive keep their ids")
    private Path after;

    @Option(names = "--format", defaultValue = "json", description = "json, md or html (default: ${DEFAULT-VALUE})")
    private Format format;

    @Option(
            names = "--date",
            paramLabel = "<yyyy-mm-dd>",
            description = "the day whose memberships say which posts are filled (default: today in Asia/Shanghai)")
    private LocalDate date;

    @Parameters(
            index = "2..*",
            paramLabel = SpringSettings.LABEL,
            converter = SpringSettings.Converter.class,
            description = "analysis settings, e.g. --dutygraph.conflicts.overload-factor=4")
    private List<String> settings = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        for (var file : List.of(before, after)) {
            if (!Files.isReadable(file)) throw new ParameterException(spec.commandLine(), "Cannot read " + file);
        }
        var analysis = new BundleAnalysis(conflictSettings(), MESSAGES);
        var err = spec.commandLine().getErr();
        var beforeBundle = read(before);
        var afterBundle = read(after);
        if (beforeBundle == null || afterBundle == null) {
            return 1;
        }
        var today = date != null ? date : LocalDate.now(Clock.system(ZoneId.of("Asia/Shanghai")));
        var comparison = new OrgComparer(analysis).compare(beforeBundle, afterBundle, today);
        var out = spec.commandLine().getOut();
        switch (format) {
            case json ->
                out.println(JsonMapper.builder()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .build()
                        .writeValueAsString(ComparisonJson.of(comparison)));
            case md -> out.print(ComparisonMarkdown.of(comparison));
            case html -> out.print(ComparisonHtml.of(comparison));
        }
        err.flush();
        return 0;
    }

    /** The bundle if it is valid on its own, else null with every problem on standard error. */
    private Bundle read(Path file) throws Exception {
        var problems = new Problems(MESSAGES::chinese);
        Bundle bundle;
        try (var in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            bundle = new BundleReader(problems).read(in);
        }
        if (bundle != null) {
            new BundleValidator(ExistingIds.NONE, problems).validate(bundle);
        }
        if (problems.isEmpty()) return bundle;
        var err = spec.commandLine().getErr();
        err.printf("Bundle %s rejected, %d problems%n", file, problems.total());
        problems.list().forEach(p -> err.printf("  %s  %s  %s%n", p.path(), p.code(), p.message()));
        return null;
    }

    private ConflictSettings conflictSettings() {
        var values = new HashMap<String, String>();
        for (var setting : settings) {
            var name = SpringSettings.name(setting);
            if (!name.startsWith("dutygraph.conflicts.")) {
                throw new ParameterException(
                        spec.commandLine(), "compare takes dutygraph.conflicts.* settings only, not " + name);
            }
            var equals = setting.indexOf('=');
            values.put(name, equals < 0 ? "true" : setting.substring(equals + 1));
        }
        return new Binder(new MapConfigurationPropertySource(values))
                .bind("dutygraph.conflicts", ConflictSettings.class)
                .orElseGet(() ->
                        new ConflictSettings(null, null, null, null, null, null, null, null, null, null, null, null));
    }
}
