package vn.thidua.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.web.testsupport.Fixture;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.thidua.web.testsupport.Driver.values;

/**
 * An event no reader can read, planted in the event table of a running application (as a bad disk, a hand edit or a
 * bug of an older version would leave it): every projection dead-letters it and goes on; its campaign's league table
 * is held back as it stood before it, no other campaign's is; a replay completes and names it. In a context of its
 * own, since it leaves dead letters behind.
 */
abstract class UnreadableEventScenarios extends ApiScenarioSupport {

    JsonNode deadLetters(String projection) {
        return api.get("/api/v1/admin/projections/" + projection + "/dead-letters").as(OPERATOR).send().json();
    }

    JsonNode table(Fixture f) {
        vn.thidua.web.testsupport.Api.Response r = api.get(f.campaignPath() + "/league-table").as(f.auditor()).send();
        assertStatus(r, 200);
        return r.json();
    }

    @Test
    void anUnreadableEventIsDeadLetteredAndHoldsBackOnlyItsCampaign() throws Exception {
        Fixture held = campaign();
        Fixture other = campaign();
        driver.pledged(held, 0, 110, true, 50);
        assertStatus(api.put(held.reportPath(0, "Q1")).as(held.officer(0)).header("Consistency", "wait")
                .json(values(120, true, 55)).send(), 201);
        JsonNode before = table(held);

        String stream = StreamIds.participation(held.campaignId(), held.unit(2));
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload, meta_data) VALUES (?, ?, 0, 'Participation', ?, ?, ?, ?)",
                UUID.randomUUID().toString(), stream, Instant.now().toString(), PledgeSubmitted.class.getName(),
                "{\"participationId\":\"".concat(stream).concat("\",\"targets\":{\"REV\":").getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        long planted = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, stream);

        for (String projection : new String[]{"league-table", "unit-progress", "audit"}) {
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(projection).size() == 1);
            JsonNode letter = deadLetters(projection).get(0);
            assertThat(letter.path("aggregateId").asText()).as(projection).isEqualTo(stream);
            assertThat(letter.path("eventType").asText()).isEqualTo(PledgeSubmitted.class.getName());
            assertThat(letter.path("cause").asText()).as(projection).isNotBlank();
        }

        // Health turns DOWN naming the event, and the metric counts it.
        vn.thidua.web.testsupport.Api.Response health = api.get("/actuator/health").as(OPERATOR).send();
        assertStatus(health, 503);
        JsonNode processors = health.json().path("components").path("processors");
        assertThat(processors.path("status").asText()).isEqualTo("DOWN");
        JsonNode league = processors.path("details").path("league-table");
        assertThat(league.path("reason").asText()).contains("position " + planted);
        assertThat(api.get("/actuator/prometheus").as(OPERATOR).header("Accept", "text/plain").send().body())
                .contains("thidua_processor_dead_letters{application=\"thidua\",processor=\"league-table\"} 1.0");

        // The operations page says which event and why.
        String page = signedInPage("/operations");
        assertThat(page).contains(stream + " #0", ">" + planted + "<", PledgeSubmitted.class.getName());

        // Another campaign goes on: its report is scored at once.
        driver.pledged(other, 0, 110, true, 50);
        assertStatus(api.put(other.reportPath(0, "Q1")).as(other.officer(0)).header("Consistency", "wait")
                .json(values(120, true, 55)).send(), 201);
        JsonNode scored = table(other);
        assertThat(scored.path("rows").get(0).path("unitCode").asText()).isEqualTo(other.unit(0));
        assertThat(scored.path("rows").get(0).path("total").decimalValue()).isPositive();

        // The held campaign's later events wait behind the dead letter; its table stays readable as it stood.
        assertStatus(api.put(held.pledgePath(1)).as(held.officer(1)).header("Consistency", "wait")
                .json(vn.thidua.web.testsupport.Driver.targets(105, true, 50)).send(), 201);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters("league-table").size() == 2);
        assertThat(table(held).path("rows")).isEqualTo(before.path("rows"));

        // A replay completes, gives the same held table, and names the event it could not read.
        assertStatus(api.post("/api/v1/admin/projections/league-table/replay").as(OPERATOR).send(), 202);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode p = api.get("/api/v1/admin/projections/league-table").as(OPERATOR).send().json();
            return "LIVE".equals(p.path("status").asText()) && p.path("generation").asInt() > 0;
        });
        JsonNode state = api.get("/api/v1/admin/projections/league-table").as(OPERATOR).send().json();
        assertThat(state.path("message").asText()).contains("position " + planted);
        assertThat(table(held).path("rows")).isEqualTo(before.path("rows"));
        assertThat(table(other).path("rows").get(0).path("total").decimalValue()).isPositive();
    }

    /** A page as a signed-in operator sees it: form login (with its CSRF token), then the page in that session. */
    String signedInPage(String path) throws Exception {
        java.net.http.HttpClient client = signedIn(OPERATOR);
        String base = "http://localhost:" + port;
        java.net.http.HttpResponse<String> page = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("%s as the operator", path).isEqualTo(200);
        return page.body();
    }
}
