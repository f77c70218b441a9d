package org.dutygraph.org.api;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.dutygraph.org.bundle.BundleExportStore;
import org.dutygraph.org.bundle.BundleImportService;
import org.dutygraph.org.bundle.BundleProblem;
import org.dutygraph.org.bundle.BundleSource;
import org.dutygraph.org.bundle.ImportJob;
import org.dutygraph.platform.graphql.BadInputException;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.json.JsonMapper;

/** Bundle import (as a job) and export over GraphQL. */
@Controller
class BundleController {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final BundleImportService imports;
    private final BundleExportStore exports;

    BundleController(BundleImportService imports, BundleExportStore exports) {
        this.imports = imports;
        this.exports = exports;
    }

    record ImportBundleInput(Object bundle) {}

    record ImportBundlePayload(ImportJob job, List<BundleProblem> problems) {

        /** A rejected bundle's problems, each naming input.bundle and its JSON path in the bundle. */
        public List<UserError> errors() {
            if (job.status() != ImportJob.Status.REJECTED) {
                return List.of();
            }
            return problems.stream()
                    .map(p -> new UserError(List.of("input", "bundle", p.path()), p.code(), p.text()))
                    .toList();
        }
    }

    @MutationMapping
    ImportBundlePayload importBundle(@Argument ImportBundleInput input) {
        if (input.bundle() == null) {
            throw new BadInputException("input.bundle", "MISSING_FIELD", Text.of(PlatformTexts.REQUIRED, "bundle"));
        }
        var user = SecurityContextHolder.getContext().getAuthentication().getName();
        var job = imports.submitAndWait(BundleSource.parsed(input.bundle()), user);
        return new ImportBundlePayload(job, job.problems());
    }

    /** Why a bundle was refused, in the reader's language. */
    @SchemaMapping(typeName = "BundleProblem")
    Text message(BundleProblem problem) {
        return problem.text();
    }

    /** Why an import failed, in the reader's language. */
    @SchemaMapping(typeName = "ImportJob")
    Text failure(ImportJob job) {
        return job.failureText();
    }

    @QueryMapping
    ImportJob importJob(@Argument String id) {
        return imports.job(id).orElse(null);
    }

    @QueryMapping
    Object exportBundle() {
        var out = new ByteArrayOutputStream();
        exports.export(out, "dutygraph export");
        return MAPPER.readValue(out.toByteArray(), Map.class);
    }
}
