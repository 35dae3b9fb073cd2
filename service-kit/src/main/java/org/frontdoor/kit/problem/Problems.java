package org.frontdoor.kit.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

/** Builds problem responses with the status, title and type that match each other everywhere. */
public final class Problems {

    private static final String TYPE_BASE = "https://frontdoor.example/problems/";

    private Problems() {
    }

    public static Response response(int status, String slug, String title, String detail,
            List<Problem.Violation> violations) {
        Problem problem = new Problem(TYPE_BASE + slug, title, status, detail, null,
                violations == null || violations.isEmpty() ? null : violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response validation(String detail, List<Problem.Violation> violations) {
        return response(400, "validation", "The request is not valid", detail, violations);
    }
}
