package org.fusioncell.screening.cli;

/** A refusal of the command's input, told to the user in one line; the command exits with status 1. */
final class CommandFailure extends RuntimeException {

    CommandFailure(String message) {
        super(message);
    }
}
