package org.fusioncell.assessment;

/** An indicator to watch; {@code watchId} is set once it has become a monitoring watch. */
public record Indicator(String text, String watchId) {
}
