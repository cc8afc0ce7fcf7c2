package ru.fioco.training.platform.errors;

/** The exceptions by which the platform's rules refuse a command for good: no retry gives another answer. */
public final class Refusals {

    private Refusals() {
    }

    /** A rule, a conflict with the state, bad input or a missing right refused it. */
    public static boolean byRule(Throwable e) {
        return e instanceof RuleViolationException || e instanceof ConflictException
                || e instanceof InvalidInputException || e instanceof AccessDeniedException;
    }
}
