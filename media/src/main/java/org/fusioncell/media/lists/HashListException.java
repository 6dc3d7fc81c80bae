package org.fusioncell.media.lists;

import java.util.List;

/** A hash list was refused as a whole; every problem found is named by line and column. */
public class HashListException extends RuntimeException {

    /** One problem: the physical line (1-based) where the row starts, the column's name, what is wrong. */
    public record Problem(int line, String column, String message) {
        @Override
        public String toString() {
            return "line " + line + ", column " + column + ": " + message;
        }
    }

    private final List<Problem> problems;

    public HashListException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the hash list; nothing was imported. First: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
