package org.fusioncell.assessment.bulletin;

import java.util.List;

/** The value of one template field in a composed bulletin: a piece of text, or a list of marked paragraphs. */
public sealed interface BulletinField {

    /** Whether there is nothing to print (a section made only of empty fields is left out). */
    boolean isEmpty();

    /** Text shown as written; may span several lines. */
    record Text(String value) implements BulletinField {

        public Text {
            value = value == null ? "" : value;
        }

        @Override
        public boolean isEmpty() {
            return value.isBlank();
        }
    }

    /** Paragraphs, each with its portion marking; {@code numbered} prints them as a numbered list. */
    record Portions(List<Marked> items, boolean numbered) implements BulletinField {

        public Portions {
            items = items == null ? List.of() : List.copyOf(items);
        }

        @Override
        public boolean isEmpty() {
            return items.stream().allMatch(m -> m.text().isBlank());
        }
    }

    /** One paragraph: {@code mark} is its portion marking such as {@code (S)}, or null where none is printed. */
    record Marked(String mark, String text) {

        public Marked {
            text = text == null ? "" : text;
        }
    }
}
