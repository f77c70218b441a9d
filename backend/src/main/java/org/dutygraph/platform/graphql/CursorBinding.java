package org.dutygraph.platform.graphql;

import graphql.execution.ExecutionStepInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * The list a cursor belongs to: the field's coordinates and a digest of its arguments but {@code first} and
 * {@code after} and of the object it hangs off, sealed with the sort key (see {@link CursorBindingVisitor}).
 */
record CursorBinding(String text) {

    /**
     * {@code parent}: the id of the object the list hangs off (a unit's posts), or null for a root field's list;
     * without it a cursor of one unit's posts would page another unit's.
     */
    static CursorBinding of(ExecutionStepInfo list, String parent) {
        var coordinates =
                list.getObjectType().getName() + "." + list.getFieldDefinition().getName();
        var owner = parent != null ? "@" + parent : "";
        return new CursorBinding(coordinates + "#" + digest(selecting(list) + owner));
    }

    /** A parent without an id (an input sheet's log) is told apart by the arguments of the fields above it. */
    static String ancestors(ExecutionStepInfo list) {
        var chain = new StringBuilder();
        for (var step = list.getParent(); step != null; step = step.getParent()) {
            if (step.getFieldDefinition() != null) {
                chain.append(step.getFieldDefinition().getName())
                        .append(selecting(step))
                        .append('/');
            }
        }
        return chain.toString();
    }

    private static String selecting(ExecutionStepInfo field) {
        var arguments = new TreeMap<String, Object>(field.getArguments());
        arguments.remove("first");
        arguments.remove("after");
        arguments.values().removeIf(java.util.Objects::isNull); // an argument sent as null reads as one left out
        return canonical(arguments);
    }

    static String seal(String key, CursorBinding binding) {
        return CursorSeal.seal(binding.text() + "\n" + key);
    }

    /** The sort key in a cursor sealed for this binding; any other cursor is bad input on {@code after}. */
    static String open(String cursor, CursorBinding binding) {
        var opened = Connection.decode(cursor);
        var cut = opened.indexOf('\n');
        if (cut < 0 || !opened.substring(0, cut).equals(binding.text())) {
            throw Connection.notOurs();
        }
        return opened.substring(cut + 1);
    }

    /** Argument values as graphql-java coerced them, maps with their keys sorted, so equal arguments read alike. */
    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, String>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted.toString();
        }
        if (value instanceof Iterable<?> items) {
            var parts = new StringBuilder("[");
            items.forEach(item -> parts.append(canonical(item)).append(','));
            return parts.append(']').toString();
        }
        return String.valueOf(value);
    }

    private static String digest(String text) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
