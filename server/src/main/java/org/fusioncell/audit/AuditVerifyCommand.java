package org.fusioncell.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fusioncell.audit.internal.StandaloneVerification;
import org.fusioncell.shared.VerifyCommand;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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
public final class AuditVerifyCommand extends VerifyCommand {

    @Unmatched
    private List<String> springArguments = new ArrayList<>();

    public static void main(String[] args) {
        exit(run(args));
    }

    /** Everything {@link #main} does but printing and exiting, for tests. */
    public static Outcome run(String... args) {
        return run(new AuditVerifyCommand(), args);
    }

    @Override
    protected Outcome verify() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StandaloneVerification.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(quiet(springArguments.toArray(String[]::new)))) {
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
