package org.frontdoor.kit.problem;

/**
 * Thrown when a request is well formed but breaks a rule of the journey given the current state
 * (deciding a contact twice, a step out of order): 409, and nothing is written.
 */
public class ConflictProblem extends RuntimeException {

    public ConflictProblem(String detail) {
        super(detail);
    }
}
