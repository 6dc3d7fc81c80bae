package org.fusioncell.monitoring.web;

import org.fusioncell.shared.InvalidInputException;

/** Reading the version an update names ({@code If-Match: "3"}). */
final class WatchForms {

    private WatchForms() {
    }

    static int version(String ifMatch) {
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be the watch's version as its ETag gives it, e.g. \"3\"");
        }
    }
}
