package org.dutygraph.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Spring Boot settings given on the command line, {@code --name.with.dots=value} (and Boot's {@code --debug},
 * {@code --trace}): what the service takes, and what commands that open the database pass on to it.
 */
final class SpringSettings {

    static final String LABEL = "--<name>=<value>";

    private static final Pattern SETTING =
            Pattern.compile("--[A-Za-z][\\w-]*(\\.[\\w\\[\\]-]+)+(=.*)?", Pattern.DOTALL);

    private SpringSettings() {}

    static boolean isSetting(String argument) {
        return SETTING.matcher(argument).matches() || argument.equals("--debug") || argument.equals("--trace");
    }

    /** True for no arguments, or Spring settings only: what starts the service. */
    static boolean only(String[] arguments) {
        return Arrays.stream(arguments).allMatch(SpringSettings::isSetting);
    }

    static String name(String setting) {
        var equals = setting.indexOf('=');
        return setting.substring(2, equals < 0 ? setting.length() : equals);
    }

    /**
     * Layers of settings, each replacing settings of the same name in the layers before it (defaults, then the
     * settings given, then those a command insists on): Spring would bind a name given twice to both values.
     */
    @SafeVarargs
    static List<String> merge(List<String>... layers) {
        var merged = new ArrayList<String>();
        for (var layer : layers) {
            var names = layer.stream().map(SpringSettings::name).toList();
            merged.removeIf(setting -> names.contains(name(setting)));
            merged.addAll(layer);
        }
        return merged;
    }

    /** Accepts a positional argument only if it is a setting, so that a mistyped option is a usage error. */
    static final class Converter implements ITypeConverter<String> {

        @Override
        public String convert(String argument) {
            if (!isSetting(argument)) {
                throw new TypeConversionException("'" + argument + "' is not a setting " + LABEL);
            }
            return argument;
        }
    }
}
