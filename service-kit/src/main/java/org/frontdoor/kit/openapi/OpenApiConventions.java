package org.frontdoor.kit.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.frontdoor.kit.idempotency.Idempotent;
import org.frontdoor.kit.problem.Problem;

/**
 * Makes every service's {@code /q/openapi} say what API.md promises for all of them, so no resource has to
 * repeat it: the roles each operation allows, the RFC 9457 problems it may answer, and how to sign in.
 * Registered for every service by {@code mp.openapi.filter} in the kit's shared configuration.
 */
public class OpenApiConventions implements OASFilter {

    /** The name of the problem schema under {@code components.schemas}. */
    public static final String PROBLEM_SCHEMA = "Problem";

    static final String SECURITY_SCHEME = "SecurityScheme";

    static final String SECURITY_DESCRIPTION = "Local run and tests (`local` and `test` profiles): HTTP basic "
            + "authentication with the development users duty/duty (duty-manager), worker/worker (social-worker), "
            + "analyst/analyst (performance) and admin/admin (admin). Production (`prod` profile) uses OIDC bearer "
            + "tokens (`Authorization: Bearer <access token>`) from the council's identity provider, with the same "
            + "role names; basic authentication is off there.";

    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    private static final String PROBLEM_TYPES = "https://frontdoor.example/problems/";

    /** The descriptions Quarkus gives the responses it adds on its own; ours say more. */
    private static final Set<String> GENERIC_DESCRIPTIONS = Set.of("", "Bad Request", "Not Authorized", "Not Allowed",
            "Unauthorized", "Forbidden", "Not Found", "Conflict", "Unprocessable Entity", "Internal Server Error");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
            components.addSchema(PROBLEM_SCHEMA, problemSchema());
        }
        String scheme = describeSecurityScheme(components);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (isFrameworkPath(path) || item.getOperations() == null) {
                return;
            }
            item.getOperations().forEach((method, operation) -> describe(path, method, operation, scheme));
        });
    }

    private static boolean isFrameworkPath(String path) {
        return path.equals("/q") || path.startsWith("/q/");
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation, String scheme) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            // Every path of a service needs a signed-in user (the shared HTTP permission), with or without roles.
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(scheme));
        }
        if (method == PathItem.HttpMethod.POST && (operation.getParameters() == null || operation.getParameters()
                .stream().noneMatch(p -> Idempotent.HEADER.equalsIgnoreCase(p.getName())))) {
            // Every POST honours the key (API.md), whether or not the resource spells it out.
            operation.addParameter(OASFactory.createParameter().name(Idempotent.HEADER)
                    .in(Parameter.In.HEADER)
                    .description(Idempotent.DESCRIPTION)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        String roles = rolesSentence(operation.getSecurity());
        String description = operation.getDescription() == null ? "" : operation.getDescription().strip();
        if (!description.contains("Roles:")) {
            operation.setDescription(description.isEmpty() ? roles : description + " " + roles);
        }

        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        problem(responses, "400", "The request is not valid: malformed JSON, an unknown or missing field, a value of "
                + "the wrong format, an unknown enum value, a time in the future or a bad query parameter. "
                + "`violations` names each bad field. Nothing changed.",
                example(400, "validation", "The request is not valid", "source: must be a CIN census source code: "
                        + "1A-1D, 2A, 2B, 3A-3F, 4, 5A-5D, 6, 7, 8, 9 or 10",
                        List.of(violation("source", "must be a CIN census source code: 1A-1D, 2A, 2B, 3A-3F, 4, "
                                + "5A-5D, 6, 7, 8, 9 or 10"))));
        // 401 and 403 are answered by the HTTP security layer before any exception mapper runs: empty body.
        APIResponse unauthorized = bare(responses, "401", "No credentials, or bad credentials: sign in (see the "
                + "security scheme). Empty body. Nothing changed.");
        if (unauthorized.getHeaders() == null || !unauthorized.getHeaders().containsKey("WWW-Authenticate")) {
            unauthorized.addHeader("WWW-Authenticate", OASFactory.createHeader()
                    .description("The authentication scheme to use (`Basic` locally, `Bearer` in production)")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        bare(responses, "403", "Signed in, but none of the user's roles may do this (see Roles in the "
                + "description). Empty body. Nothing changed.");
        if (path.contains("{")) {
            problem(responses, "404", "There is no such resource: nothing has the id given in the path. "
                    + "Nothing changed.", example(404, "not-found", "Not found",
                            "Case 0b6f5d2e-3c1a-4f7e-9a51-2d8c4e7b9f10 does not exist", null));
        }
        if (method == PathItem.HttpMethod.POST) {
            problem(responses, "409", "The request conflicts with the current state or a rule of the journey, "
                    + "such as a step out of order or a contact decided twice. Nothing changed.",
                    example(409, "conflict", "The request conflicts with the current state",
                            "Case 0b6f5d2e-3c1a-4f7e-9a51-2d8c4e7b9f10 is closed; nothing more can be recorded on it",
                            null));
            problem(responses, "422", "The " + Idempotent.HEADER + " was already used by this user for a different "
                    + "request. Nothing changed; send a new key for a new request.",
                    example(422, "idempotency-key-reused", "Idempotency-Key reused", Idempotent.HEADER
                            + " 7c1e2f4a-93b0-4d6e-8a15-0f2b3c4d5e6f was used for a different request; send a new "
                            + "key for a new request",
                            List.of(violation(Idempotent.HEADER, "was used for a different request"))));
        }
        problem(responses, "500", "Something unexpected went wrong on our side; nothing changed. `detail` quotes an "
                + "incident id to give when reporting it.", example(500, "internal", "Internal error",
                        "Something went wrong on our side; nothing was changed. Quote incident "
                                + "5f0c8a3e-2b7d-4e19-b6a4-9d3e1c2f7a80 when reporting it.", null));
    }

    /** "Roles: a, b." from the security requirements Quarkus derives from {@code @RolesAllowed}. */
    private static String rolesSentence(List<SecurityRequirement> requirements) {
        Set<String> roles = new LinkedHashSet<>();
        if (requirements != null) {
            for (SecurityRequirement requirement : requirements) {
                if (requirement.getSchemes() != null) {
                    requirement.getSchemes().values().forEach(names -> {
                        if (names != null) {
                            roles.addAll(names);
                        }
                    });
                }
            }
        }
        return roles.isEmpty() ? "Roles: any signed-in user." : "Roles: " + String.join(", ", roles) + ".";
    }

    /** A response without a body, described, replacing whatever body Quarkus guessed for it. */
    private static APIResponse bare(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse();
            responses.addAPIResponse(status, response);
        }
        response.setDescription(description);
        response.setContent(null);
        return response;
    }

    /** Adds the response if it is missing, and the problem body and a useful description if they are missing. */
    private static APIResponse problem(APIResponses responses, String status, String description,
            Map<String, Object> example) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse();
            responses.addAPIResponse(status, response);
        }
        if (response.getRef() != null) {
            return response;
        }
        if (response.getDescription() == null || GENERIC_DESCRIPTIONS.contains(response.getDescription().strip())) {
            response.setDescription(description);
        }
        if (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty()) {
            response.setContent(problemContent(example));
        }
        return response;
    }

    private static Content problemContent(Map<String, Object> example) {
        var mediaType = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
        if (example != null) {
            mediaType.setExample(example);
        }
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType);
    }

    private static Map<String, Object> example(int status, String slug, String title, String detail,
            List<Map<String, String>> violations) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", PROBLEM_TYPES + slug);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        if (violations != null) {
            example.put("violations", new ArrayList<>(violations));
        }
        return example;
    }

    private static Map<String, String> violation(String field, String message) {
        Map<String, String> violation = new LinkedHashMap<>();
        violation.put("field", field);
        violation.put("message", message);
        return violation;
    }

    /** The shape of {@link Problem} on the wire (RFC 9457). */
    private static Schema problemSchema() {
        Schema violation = object("One bad field of the request and what is wrong with it.")
                .addProperty("field", string("The field's JSON path in the request (e.g. `child.birthMonth`), "
                        + "a query parameter or a header (e.g. `Idempotency-Key`)."))
                .addProperty("message", string("What is wrong with it."))
                .addRequired("field").addRequired("message");
        return object("An RFC 9457 problem (`application/problem+json`): what every client mistake and every "
                + "failure looks like. A stack trace is never included; the cause of a 500 stays in the log.")
                .addProperty("type", string("A URI that identifies the kind of problem, e.g. "
                        + PROBLEM_TYPES + "validation.").format("uri"))
                .addProperty("title", string("A short summary of the kind of problem."))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code."))
                .addProperty("detail", string("What went wrong with this request."))
                .addProperty("instance", string("A URI reference to this occurrence, when there is one."))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("For validation problems: one entry per bad field.").items(violation))
                .addRequired("type").addRequired("title").addRequired("status");
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    /**
     * Describes the sign-in the operations refer to: HTTP basic as the local profile configures it, and the OIDC
     * bearer tokens production uses instead. Returns the scheme's name.
     */
    private static String describeSecurityScheme(Components components) {
        Map<String, SecurityScheme> schemes = components.getSecuritySchemes();
        if (schemes == null || schemes.isEmpty()) {
            components.addSecurityScheme(SECURITY_SCHEME, OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("basic").description(SECURITY_DESCRIPTION));
            return SECURITY_SCHEME;
        }
        String first = null;
        for (Map.Entry<String, SecurityScheme> entry : schemes.entrySet()) {
            SecurityScheme scheme = entry.getValue();
            if (first == null) {
                first = entry.getKey();
            }
            if (scheme.getRef() == null && (scheme.getDescription() == null
                    || scheme.getDescription().isBlank() || scheme.getDescription().equals("Authentication"))) {
                scheme.setDescription(SECURITY_DESCRIPTION);
            }
        }
        return schemes.containsKey(SECURITY_SCHEME) ? SECURITY_SCHEME : first;
    }
}
