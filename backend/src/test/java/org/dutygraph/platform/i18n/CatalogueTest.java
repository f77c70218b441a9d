package org.dutygraph.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.dutygraph.support.Catalogue;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The message catalogue: the Chinese and English files hold the same keys, every key the code uses (the constants
 * of the features' {@link MessageKey} enums) is in both and every key in them is used, and every message is a valid
 * MessageFormat pattern in its language.
 */
class CatalogueTest {

    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}]");
    /** What a pattern may hold of the quote character: '' (a quote) and '{' or '}' (a brace). */
    private static final Pattern QUOTING = Pattern.compile("''|'\\{'|'}'");

    private final Properties chinese = load("messages.properties");
    private final Properties english = load("messages_en.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(keys(english)).as("keys in messages_en.properties").isEqualTo(keys(chinese));
    }

    @Test
    void everyKeyTheCodeUsesIsInTheCatalogue_andEveryKeyInItIsUsed() throws Exception {
        var used = usedKeys();
        assertThat(used)
                .as("keys of the MessageKey enums")
                .hasSizeGreaterThan(400)
                .contains(PlatformTexts.INTERNAL.key(), "inspections.ORDERED_TITLE", "complaints.NAMED_BY_CITIZEN");
        assertThat(keys(chinese)).as("keys in messages.properties").isEqualTo(used);
    }

    @Test
    void everyMessageIsAValidPatternThatLosesNoText() {
        for (var catalogue : java.util.List.of(chinese, english)) {
            for (var key : keys(catalogue)) {
                var pattern = catalogue.getProperty(key);
                assertThat(QUOTING.matcher(pattern).replaceAll(""))
                        .as(key + ": a lone quote would swallow text")
                        .doesNotContain("'");
                var format = new MessageFormat(pattern, Locale.ROOT);
                var args = new Object[10];
                java.util.Arrays.fill(args, "x");
                assertThat(format.format(args)).as(key).isNotBlank();
            }
        }
    }

    @Test
    void chineseMessagesAreChinese_andEnglishOnesHaveNoChinese() {
        var notChinese = new ArrayList<String>();
        for (var key : keys(chinese)) {
            var words = chinese.getProperty(key).replaceAll("\\{\\d}", "");
            // a message that is only its arguments (e.g. "{0}：{1}") has nothing to translate
            if (!CJK.matcher(words).find() && words.matches("(?s).*[A-Za-z]{3,}.*")) {
                notChinese.add(key + "=" + chinese.getProperty(key));
            }
        }
        assertThat(notChinese).as("Chinese messages written in English").isEmpty();
        assertThat(keys(english))
                .filteredOn(key -> CJK.matcher(english.getProperty(key)).find())
                .as("English messages with Chinese")
                .isEmpty();
    }

    @Test
    void theCatalogueRendersByLanguage_chineseByDefault() {
        var messages = Catalogue.messages();
        var text = Text.of(PlatformTexts.PAGE_SIZE, "first", 500);
        assertThat(messages.render(text, Languages.ENGLISH)).isEqualTo("'first' must be between 0 and 500");
        assertThat(messages.render(text, Locale.forLanguageTag("en-GB")))
                .isEqualTo("'first' must be between 0 and 500");
        assertThat(messages.render(text, Languages.CHINESE)).isEqualTo("“first”须在 0 到 500 之间");
        assertThat(messages.render(text, Locale.FRENCH))
                .as("a language not spoken gets Chinese")
                .isEqualTo("“first”须在 0 到 500 之间");
        assertThat(messages.render(
                        Text.of(PlatformTexts.NO_SUCH_ID, Text.of(PlatformTexts.LIMIT_COST), "x"), Languages.ENGLISH))
                .as("a nested text in the same language")
                .isEqualTo("No cost has id 'x'");
        assertThat(messages.render(Text.verbatim("写的原话"), Languages.ENGLISH)).isEqualTo("写的原话");
    }

    @Test
    void acceptLanguagePicksTheFirstLanguageSpoken() {
        assertThat(Languages.fromAcceptLanguage(null)).isEqualTo(Languages.CHINESE);
        assertThat(Languages.fromAcceptLanguage("en")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.fromAcceptLanguage("en-US,en;q=0.9,zh-CN;q=0.8")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.fromAcceptLanguage("fr-FR,en;q=0.5")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.fromAcceptLanguage("fr-FR")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.fromAcceptLanguage("zh-TW")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.fromAcceptLanguage("en;q=0, zh")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.fromAcceptLanguage("*;q=;;")).isEqualTo(Languages.CHINESE);
    }

    @Test
    void storedTextsReadBackWithTheirFallback() {
        var text = Text.of(PlatformTexts.NO_SUCH_ID, Text.of(PlatformTexts.LIMIT_COST), "x");
        var read = TextJson.read(TextJson.write(text), "中文原文");
        assertThat(Catalogue.messages().render(read, Languages.ENGLISH)).isEqualTo("No cost has id 'x'");
        var gone = TextJson.read("{\"key\":\"platform.NO_LONGER_THERE\",\"args\":[]}", "中文原文");
        assertThat(Catalogue.messages().render(gone, Languages.ENGLISH))
                .as("a key that left the catalogue")
                .isEqualTo("中文原文");
        assertThat(Catalogue.messages().render(TextJson.read(null, "legacy words"), Languages.CHINESE))
                .isEqualTo("legacy words");
    }

    private static Set<String> usedKeys() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(MessageKey.class));
        var keys = new TreeSet<String>();
        for (var candidate : scanner.findCandidateComponents("org.dutygraph")) {
            var type = Class.forName(candidate.getBeanClassName());
            if (type.isEnum()) {
                for (var constant : type.getEnumConstants()) {
                    assertThat(keys.add(((MessageKey) constant).key()))
                            .as("key used twice: " + constant)
                            .isTrue();
                }
            }
        }
        return keys;
    }

    private static Set<String> keys(Properties catalogue) {
        return new TreeSet<>(catalogue.stringPropertyNames());
    }

    private static Properties load(String name) {
        var properties = new Properties();
        try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
