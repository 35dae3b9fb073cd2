package org.frontdoor.metrics.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.kit.problem.ForbiddenProblem;
import org.frontdoor.kit.problem.NotFoundProblem;
import org.frontdoor.kit.security.Roles;
import org.frontdoor.kit.security.TeamScope;
import org.frontdoor.metrics.domain.AnnexA;
import org.frontdoor.metrics.domain.IndicatorFilter;
import org.frontdoor.metrics.repository.AnnexARepository;

/** The Ofsted Annex A lists performance staff hand to inspectors (DOMAIN.md §6), as CSV. */
@Path("/exports/annex-a")
@RolesAllowed({ Roles.PERFORMANCE, Roles.ADMIN })
public class AnnexAResource {

    static final String CSV = "text/csv";

    private final AnnexARepository repository;
    private final Clock clock;
    private final TeamScope teams;

    public AnnexAResource(AnnexARepository repository, Clock clock, TeamScope teams) {
        this.repository = repository;
        this.clock = clock;
        this.teams = teams;
    }

    @GET
    @Path("/{list}.csv")
    @Produces(CSV + ";charset=UTF-8")
    @Transactional
    @Operation(summary = "Annex A list 1 (contacts) or list 3 (referrals) as CSV",
            description = "`list-1`: one row per child contact received in the period; `list-3`: one row per "
                    + "referral in the period. Columns in the inspection's order, dates YYYY-MM-DD, the date of "
                    + "birth as the birth month (YYYY-MM) and fields the system does not hold left blank. The "
                    + "period defaults to the six months ending today (Europe/London).")
    public Response list(@PathParam("list") String list, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        if (teams.restricted()) {
            throw new ForbiddenProblem("The Annex A lists cover the whole authority; your account sees only the teams "
                    + String.join(", ", teams.teams()));
        }
        IndicatorFilter period = IndicatorQuery.parse(from, to, null, null, null,
                WorkingCalendar.londonDate(clock.instant()), 6);
        List<String> header;
        List<List<Object>> rows;
        switch (list) {
            case "list-1" -> {
                header = AnnexA.LIST_1;
                rows = repository.list1(period.from(), period.to());
            }
            case "list-3" -> {
                header = AnnexA.LIST_3;
                rows = repository.list3(period.from(), period.to());
            }
            default -> throw new NotFoundProblem("Annex A list", list.replaceAll("[^A-Za-z0-9-]", "?"));
        }
        StringBuilder csv = new StringBuilder(AnnexA.line(header));
        rows.forEach(row -> csv.append(AnnexA.line(row)));
        return Response.ok(csv.toString())
                .header("Content-Disposition", "attachment; filename=\"annex-a-" + list + "-" + period.from() + "-to-"
                        + period.to() + ".csv\"")
                .build();
    }

}
