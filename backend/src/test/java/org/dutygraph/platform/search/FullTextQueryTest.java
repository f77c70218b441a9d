package org.dutygraph.platform.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dutygraph.platform.graphql.BadInputException;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.support.Catalogue;
import org.junit.jupiter.api.Test;

class FullTextQueryTest {

    @Test
    void pairedQuotesStayPhrasesAndEverythingElseIsEscaped() {
        assertThat(FullTextQuery.of("\"非煤矿山\" 监管", "text")).isEqualTo("\"非煤矿山\" 监管");
        assertThat(FullTextQuery.of("\"非煤 矿山", "text")).isEqualTo("非煤 矿山");
        assertThat(FullTextQuery.of("a AND (b", "text")).isEqualTo("a and \\(b");
        assertThat(FullTextQuery.of("title:x~2 *", "text")).isEqualTo("title\\:x\\~2 \\*");
        assertThat(FullTextQuery.of("矿\u202E山\u0000", "text")).isEqualTo("矿 山");
    }

    @Test
    void textWithoutWordsOrTooLongIsRefusedNamingTheArgument() {
        assertThatThrownBy(() -> FullTextQuery.of("(*\"", "text"))
                .isInstanceOf(BadInputException.class)
                .extracting(e -> ((BadInputException) e).field())
                .isEqualTo("text");
        assertThatThrownBy(() -> FullTextQuery.of("矿".repeat(FullTextQuery.MAX_CHARACTERS + 1), "text"))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(Catalogue.messages().render(e.text(), Languages.ENGLISH))
                                .contains("at most " + FullTextQuery.MAX_CHARACTERS));
        assertThat(FullTextQuery.leading("矿".repeat(1000))).get().asString().hasSize(FullTextQuery.MAX_CHARACTERS);
    }
}
