package org.fusioncell.screening.manifest;

import java.util.List;

/**
 * One segment as StAEDI delivered it: elements of components, release characters already removed.
 *
 * @param position 1-based position in the interchange (UNA counted when present)
 * @param elements data elements in order, each a list of its components (a simple element has one)
 */
record Segment(int position, String tag, List<List<String>> elements) {

    Segment {
        elements = elements.stream().map(List::copyOf).toList();
    }

    /** Component {@code component} of element {@code element}, both 1-based; empty when absent. */
    String value(int element, int component) {
        if (element < 1 || element > elements.size()) {
            return "";
        }
        List<String> components = elements.get(element - 1);
        return component < 1 || component > components.size() ? "" : components.get(component - 1).strip();
    }

    /** The first component of an element, or the simple element's value. */
    String value(int element) {
        return value(element, 1);
    }

    /** All components of an element, stripped, trailing empty ones removed. */
    List<String> components(int element) {
        if (element < 1 || element > elements.size()) {
            return List.of();
        }
        List<String> all = elements.get(element - 1).stream().map(String::strip).toList();
        int end = all.size();
        while (end > 0 && all.get(end - 1).isEmpty()) {
            end--;
        }
        return all.subList(0, end);
    }

    ManifestFormatException refuse(String reason) {
        return new ManifestFormatException(position, tag, reason);
    }

    Irregularity irregularity(String reason) {
        return new Irregularity(position, tag, reason);
    }
}
