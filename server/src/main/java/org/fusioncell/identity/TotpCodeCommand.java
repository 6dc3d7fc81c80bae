package org.fusioncell.identity;

import java.time.Instant;
import org.fusioncell.identity.internal.Totp;

/**
 * {@code ./fusioncell totp SECRET}: prints the current six-digit code for a base32 TOTP secret, so that
 * demo users can log in without a phone. Exit status 1 with one line on bad input.
 */
public final class TotpCodeCommand {

    private TotpCodeCommand() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: totp BASE32_SECRET");
            System.exit(1);
        }
        try {
            System.out.println(Totp.code(Totp.decodeSecret(args[0]), Instant.now()));
        } catch (IllegalArgumentException e) {
            System.err.println("not a base32 TOTP secret");
            System.exit(1);
        }
    }
}
