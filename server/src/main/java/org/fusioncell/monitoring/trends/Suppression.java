package org.fusioncell.monitoring.trends;

import java.util.Locale;

/**
 * Small-count suppression: a count from 1 to {@code below} − 1 is never shown exactly but as
 * "&lt; below" (zero is shown: it tells that nothing was recorded, not who). Charts draw such a cell
 * inside the shaded band [0, below) rather than at its value, maps give the area a hatched fill, CSV
 * and JSON leave the number out. {@code below} ≤ 1 turns suppression off. Estimates (an expected
 * value, a forecast) below the threshold are written the same way so that no small number is printed.
 */
public record Suppression(int below) {

    public static Suppression off() {
        return new Suppression(0);
    }

    public boolean active() {
        return below > 1;
    }

    /** Whether this count must not be shown exactly. */
    public boolean hides(long count) {
        return count > 0 && count < below;
    }

    /** Whether this estimate must not be printed (it lies strictly between 0 and the threshold). */
    public boolean hides(double estimate) {
        return estimate > 0 && estimate < below;
    }

    /** The count as shown: its digits, or "< N". Western digits in every language, like the rest of the app. */
    public String show(long count) {
        return hides(count) ? "< " + below : Long.toString(count);
    }

    /** An estimate rounded to one decimal, or "< N". */
    public String show(double estimate) {
        return hides(estimate) ? "< " + below : String.format(Locale.ROOT, "%.1f", estimate);
    }
}
