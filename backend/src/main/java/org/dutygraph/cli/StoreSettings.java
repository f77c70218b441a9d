package org.dutygraph.cli;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Configuration;

/**
 * Where the service keeps what a backup holds, resolved as the service resolves its settings (application.yml, the
 * profile, the environment, the command line) without starting it: the embedded store, the evidence directory, and
 * the complaint pepper when it is a file rather than a setting.
 */
record StoreSettings(Path store, Path evidence, Path pepperFile, boolean serverConfigured) {

    /** Nothing: only the environment is wanted. */
    @Configuration(proxyBeanMethods = false)
    static class Nothing {}

    static StoreSettings resolve(List<String> given) {
        try (var context = new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(SpringSettings.merge(
                                List.of("--logging.config=classpath:org/dutygraph/cli/logback-commands.xml"), given)
                        .toArray(String[]::new))) {
            var binder = Binder.get(context.getEnvironment());
            var uri = binder.bind("spring.neo4j.uri", String.class).orElse("");
            var pepperSet = !binder.bind("dutygraph.complaints.pepper", String.class)
                    .orElse("")
                    .isBlank();
            return new StoreSettings(
                    binder.bind("dutygraph.embedded.data-directory", Path.class).orElse(Path.of("data", "neo4j")),
                    binder.bind("dutygraph.inspections.evidence-directory", Path.class)
                            .orElse(Path.of("data", "evidence")),
                    pepperSet
                            ? null
                            : binder.bind("dutygraph.complaints.pepper-file", Path.class)
                                    .orElse(Path.of("data", "complaint-pepper.key")),
                    !uri.isBlank());
        }
    }
}
