package dev.sitrep.ui.common;

import javafx.util.StringConverter;

import java.util.function.Function;

/** Display-only converters for combo boxes: how an item reads; typed text is never parsed back. */
public final class Converters {

    private Converters() {
    }

    public static <T> StringConverter<T> showing(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String typed) {
                return null;
            }
        };
    }
}
