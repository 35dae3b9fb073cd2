package org.frontdoor.kit.problem;

/**
 * A field that is well formed but not acceptable in context (a time in the future, a date before the
 * contact it follows): a 400 problem naming the field.
 */
public class InvalidFieldProblem extends RuntimeException {

    private final String field;

    public InvalidFieldProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
