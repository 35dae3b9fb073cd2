package org.frontdoor.kit.problem;

/** Thrown by use cases when the contact, case or worker a request names does not exist (404). */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
