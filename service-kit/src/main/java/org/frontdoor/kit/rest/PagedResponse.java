package org.frontdoor.kit.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Answers a page of a list as a plain JSON array (API.md) with the total in {@code X-Total-Count} and
 * RFC 8288 {@code Link} headers to the next and previous pages, so clients can walk any list the same way.
 */
public final class PagedResponse {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private PagedResponse() {
    }

    public static Response of(List<?> items, long total, QueryParameters.Page page, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(items).header(TOTAL_COUNT, total);
        if ((long) (page.number() + 1) * page.size() < total) {
            response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("page", page.number() + 1)
                    .build() + ">; rel=\"next\"");
        }
        if (page.number() > 0) {
            response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("page", page.number() - 1)
                    .build() + ">; rel=\"prev\"");
        }
        return response.build();
    }
}
