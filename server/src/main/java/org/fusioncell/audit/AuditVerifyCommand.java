package org.fusioncell.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.fusioncell.audit.internal.StandaloneVerification;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./fusioncell audit verify}: boots a small non-web context on the server's own configuration
 * (application.yml, {@code --spring.profiles.active}, {@code --spring.config.additional-location},
 * {@code --spring.datasource.*}), walks the chain and prints one line. Exit 0 intact, 2 broken,
 * 1 when the configuration or the database is at fault.
 */
@Command(name = "audit verify", mixinStandardHelpOptions = true,
        description = "Checks the audit log's hash chain and names the first broken record.")
public final class AuditVerifyCommand implements Callable<Integer> {

    public static final int INTACT = 0;
    public static final int FAILED = 1;
    public static final int BROKEN = 2;

    /** The exit code and the line printed. */
    public record Outcome(int exitCode, String line) {
    }

    @Unmatched
    private List<String> springArguments = new ArrayList<>();

    private Outcome outcome;

    public static void main(String[] args) {
        Outcome outcome = run(args);
        if (outcome.line() != null) {
            (outcome.exitCode() == FAILED ? System.err : System.out).println(outcome.line());
        }
        System.exit(outcome.exitCode());
    }

    /** Everything {@link #main} does but printing and exiting, for tests. */
    public static Outcome run(String... args) {
        AuditVerifyCommand command = new AuditVerifyCommand();
        CommandLine cli = new CommandLine(command);
        int code = cli.execute(args);
        return command.outcome != null ? command.outcome : new Outcome(code, null);
    }

    @Override
    public Integer call() {
        outcome = verify(springArguments.toArray(String[]::new));
        return outcome.exitCode();
    }

    private static Outcome verify(String[] springArguments) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StandaloneVerification.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(quiet(springArguments))) {
            VerificationResult result = context.getBean(AuditVerification.class).verify();
            return new Outcome(result instanceof VerificationResult.Intact ? INTACT : BROKEN, result.line());
        } catch (RuntimeException e) {
            return new Outcome(FAILED, "audit verify failed: " + rootMessage(e));
        }
    }

    /**
     * The answer is one line: logging is turned down as a command-line argument (application.yml
     * would override a default), unless the caller set a level explicitly.
     */
    private static String[] quiet(String[] springArguments) {
        List<String> arguments = new ArrayList<>();
        for (String logger : List.of("root", "org.fusioncell", "com.zaxxer.hikari")) {
            String key = "--logging.level." + logger + "=";
            if (Arrays.stream(springArguments).noneMatch(a -> a.startsWith(key))) {
                arguments.add(key + "ERROR");
            }
        }
        arguments.addAll(List.of(springArguments));
        return arguments.toArray(String[]::new);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
