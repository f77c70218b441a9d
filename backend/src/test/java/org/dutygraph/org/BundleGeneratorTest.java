package org.dutygraph.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.dutygraph.org.bundle.BundleReader;
import org.dutygraph.org.bundle.BundleValidator;
import org.dutygraph.org.bundle.ExistingIds;
import org.dutygraph.org.bundle.Problems;
import org.dutygraph.org.generator.BundleGenerator;
import org.junit.jupiter.api.Test;

class BundleGeneratorTest {

    private static final BundleGenerator.Parameters SMALL = new BundleGenerator.Parameters(7, 60, 600, 3000, 0.05);

    @Test
    void theSameParametersGiveTheSameBytes() {
        var first = new ByteArrayOutputStream();
        var second = new ByteArrayOutputStream();
        var planted = new BundleGenerator(SMALL).write(first);
        assertThat(new BundleGenerator(SMALL).write(second)).isEqualTo(planted);
        assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
        assertThat(planted.size()).isBetween(100, 200);
    }

    @Test
    void generatedBundlesAreValidAndHaveTheRequestedSize() {
        var out = new ByteArrayOutputStream();
        new BundleGenerator(SMALL).write(out);
        var problems = new Problems(text -> text.toString());
        var bundle = new BundleReader(problems).read(new ByteArrayInputStream(out.toByteArray()));
        new BundleValidator(ExistingIds.NONE, problems).validate(bundle);
        assertThat(problems.list()).isEmpty();
        assertThat(bundle.organizations()).hasSize(60);
        assertThat(bundle.posts()).hasSize(600);
        assertThat(bundle.duties()).hasSize(3000);
    }
}
