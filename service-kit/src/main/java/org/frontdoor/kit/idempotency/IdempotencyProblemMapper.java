package org.frontdoor.kit.idempotency;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.frontdoor.kit.problem.Problem;
import org.frontdoor.kit.problem.Problems;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a reused Idempotency-Key with a 422 problem naming the header, like every other client mistake. */
public class IdempotencyProblemMapper {

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedProblem e) {
        return Problems.response(422, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage(),
                List.of(new Problem.Violation(Idempotent.HEADER, "was used for a different request")));
    }
}
