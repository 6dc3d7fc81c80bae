package org.fusioncell.shared;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * The shape every offline {@code ./fusioncell … verify} command shares (audit log, offline packages, evidence
 * packages): it parses its arguments with picocli, reaches one verdict, prints it as text and exits 0 when what
 * it checked is intact, 2 when it is not (the verdict names what is wrong), 1 when it could not check at all (a
 * file, key, configuration or database it cannot read). The verdict goes to standard output; a failure to check,
 * to standard error.
 */
public abstract class VerifyCommand implements Callable<Integer> {

    public static final int INTACT = 0;
    public static final int FAILED = 1;
    public static final int BROKEN = 2;

    /** The exit code and what is printed (null when picocli printed help or a usage error itself). */
    public record Outcome(int exitCode, String text) {

        public static Outcome intact(String text) {
            return new Outcome(INTACT, text);
        }

        public static Outcome broken(String text) {
            return new Outcome(BROKEN, text);
        }

        public static Outcome failed(String text) {
            return new Outcome(FAILED, text);
        }
    }

    private Outcome outcome;

    /** Checks what the parsed options name. */
    protected abstract Outcome verify();

    @Override
    public final Integer call() {
        outcome = verify();
        return outcome.exitCode();
    }

    /** Everything a command's {@code main} does but printing and exiting, for tests. */
    protected static Outcome run(VerifyCommand command, String... args) {
        int code = new CommandLine(command).execute(args);
        return command.outcome != null ? command.outcome : new Outcome(code == 0 ? INTACT : FAILED, null);
    }

    /** Prints the outcome and ends the process with its exit code. */
    protected static void exit(Outcome outcome) {
        if (outcome.text() != null) {
            (outcome.exitCode() == FAILED ? System.err : System.out).println(outcome.text());
        }
        System.exit(outcome.exitCode());
    }
}
