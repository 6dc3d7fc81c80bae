package org.fusioncell.screening.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/** A command run in-process: its exit status and what it printed. */
record CommandRun(int status, String out, String err) {

    interface Command {
        int run(PrintStream out, PrintStream err, String... args);
    }

    static CommandRun of(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CommandRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The shared data file; the test is skipped, saying why, when it is absent. */
    static Path shared(String relative) {
        Path path = Paths.get(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA", "../../shared/data")).resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "SKIPPED: " + path + " is absent (set FUSIONCELL_TEST_DATA)");
        return path;
    }
}
