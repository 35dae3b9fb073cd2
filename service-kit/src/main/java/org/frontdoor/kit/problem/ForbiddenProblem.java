package org.frontdoor.kit.problem;

/** Thrown when the signed-in user may use the endpoint but not for what the request names, e.g. another team (403). */
public class ForbiddenProblem extends RuntimeException {

    public ForbiddenProblem(String detail) {
        super(detail);
    }
}
