package org.frontdoor.referral.rest;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;

import org.frontdoor.kit.problem.ProblemMappers;
import org.frontdoor.kit.problem.Problems;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Overload is not an internal error: when every database connection stayed busy for the pool's acquisition
 * timeout, the request changed nothing and is answered 503 with {@code Retry-After}, so that a client (or the
 * simulator) retries it with the same {@code Idempotency-Key}. Every other persistence failure is the kit's.
 */
public class DatabaseBusyMapper {

    /** What Agroal says, in a plain {@link SQLException} without SQL state, when no connection became free. */
    static final String ACQUISITION_TIMEOUT = "acquisition timeout";

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        if (isPoolExhausted(e)) {
            return busy();
        }
        return problems.unexpected(e);
    }

    static Response busy() {
        return Response.fromResponse(Problems.response(503, "busy", "Busy, try again",
                "The service is at capacity and did not take this request; nothing was changed. Send the same "
                        + "request again (with the same Idempotency-Key) after the Retry-After delay.", null))
                .header("Retry-After", "1").build();
    }

    /** Whether a connection-acquisition timeout of the pool is anywhere among the causes. */
    static boolean isPoolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().contains(ACQUISITION_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }
}
