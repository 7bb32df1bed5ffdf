package vn.thidua.web.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9457 answers as the contract (API.md) has them. */
public final class Problems {
    private Problems() {
    }

    /** A problem+json answer with this status, a type ending in {@code /problems/<typeSuffix>}, a title and a detail. */
    public static JsonNode assertProblem(Api.Response r, int status, String typeSuffix, String title) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.contentType()).as("content type of %s", r).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("type").asText()).as("type of %s", r).startsWith("http").endsWith("/problems/" + typeSuffix);
        assertThat(p.path("title").asText()).as("title of %s", r).isEqualTo(title);
        assertThat(p.path("status").asInt()).as("status field of %s", r).isEqualTo(status);
        assertThat(p.path("detail").asText()).as("detail of %s", r).isNotBlank();
        return p;
    }

    /** 409 refused by a named business rule: {@code rule} names it, and so do type and title. */
    public static JsonNode assertRule(Api.Response r, String rule) {
        JsonNode p = assertProblem(r, 409, "rule/" + rule, "Refused by rule " + rule);
        assertThat(p.path("rule").asText()).as("rule of %s", r).isEqualTo(rule);
        return p;
    }

    /** 400 invalid input naming the offending field in {@code errors[{field, message}]}. */
    public static JsonNode assertInvalid(Api.Response r, String field) {
        JsonNode p = assertProblem(r, 400, "invalid-input", "Invalid input");
        assertThat(p.path("errors").isArray()).as("errors of %s", r).isTrue();
        if (field != null) {
            assertThat(p.path("errors")).as("errors of %s", r)
                    .anySatisfy(e -> {
                        assertThat(e.path("field").asText()).isEqualTo(field);
                        assertThat(e.path("message").asText()).isNotBlank();
                    });
        }
        return p;
    }
}
