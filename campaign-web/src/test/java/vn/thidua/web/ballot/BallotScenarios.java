package vn.thidua.web.ballot;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.thidua.web.config.AppClock;
import vn.thidua.web.testsupport.Api;
import vn.thidua.web.testsupport.ApiTestBase;
import vn.thidua.web.testsupport.Api.Creds;
import vn.thidua.web.testsupport.Api.Response;
import vn.thidua.web.testsupport.Fixture;
import vn.thidua.web.testsupport.Rows;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.thidua.web.testsupport.Driver.map;
import static vn.thidua.web.testsupport.Problems.assertInvalid;
import static vn.thidua.web.testsupport.Problems.assertProblem;
import static vn.thidua.web.testsupport.Problems.assertRule;

/**
 * Secret ballots through the real HTTP API (API.md, "Ballots"): the rules of who votes when, the tally, a proposal
 * citing the closed ballot, and the secrecy itself: after three units voted with distinct choices, no row of any
 * table (event payloads and metadata included, decoded as text) and no line of the application's log links a unit
 * or its user to that unit's choices.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class BallotScenarios extends ApiTestBase {
    static final String FAST_CLOSING = "thidua.ballot.close-check-millis=300";
    /** The box is sealed in these tests (32 bytes, base64), as a production deployment would configure it. */
    static final String BOX_KEY = "thidua.ballot.box-key=q7mT3H0nY1v9a2Q8xK5cW4eR6tU0iO3pL7sD9fG2hJ4=";

    /** Each voter's choice on every candidate: one word per voter, so any form of a leak carries that word. */
    private static final List<String> PATTERN = List.of("FOR", "AGAINST", "ABSTAIN");

    @Autowired
    AppClock clock;

    @BeforeEach
    void releaseClock() {
        clock.release();
    }

    // ---------------------------------------------------------------------------------------- the whole ballot

    @Test
    void threeUnitsVoteInSecretTheTallyIsPublicAndNothingLinksAUnitToItsChoices(CapturedOutput output)
            throws Exception {
        Fixture f = scoredCampaign();
        Fixture other = driver.cluster();
        List<Map<String, Object>> candidates = List.of(map("unitCode", f.unit(1), "award", "PROVINCIAL_FLAG"),
                map("unitCode", f.unit(0), "award", "CERTIFICATE_OF_MERIT"));
        Map<String, Object> opening = map("title", "Bình xét danh hiệu thi đua, bỏ phiếu kín",
                "closesAt", Instant.now().plus(1, ChronoUnit.HOURS).toString(), "candidates", candidates);

        // before the campaign closes no ballot is opened
        assertRule(recordsNothing(() -> open(f, opening)), "ballot.campaign-open");
        closeAndApprove(f);
        assertProblem(recordsNothing(() -> api.post(f.campaignPath() + "/ballots").as(f.officer(1))
                .json(opening).send()), 403, "forbidden", "Forbidden");

        Response r = records(1, () -> open(f, opening));
        assertStatus(r, 201);
        String ballotId = r.json().path("ballotId").asText();
        assertThat(ballotId).isNotBlank();
        JsonNode ballot = get(ballotId);
        assertThat(ballot.path("status").asText()).isEqualTo("OPEN");
        assertThat(ballot.path("campaignId").asText()).isEqualTo(f.campaignId());
        assertThat(ballot.path("eligible")).extracting(JsonNode::asText).containsExactlyElementsOf(f.units());
        assertThat(ballot.path("voted")).isEmpty();
        assertThat(ballot.path("results").isNull()).isTrue();
        assertThat(api.get(f.campaignPath() + "/ballots").as(f.auditor()).send().json())
                .extracting(b -> b.path("ballotId").asText()).containsExactly(ballotId);

        String flag = f.unit(1) + ":PROVINCIAL_FLAG";
        String merit = f.unit(0) + ":CERTIFICATE_OF_MERIT";
        // choices must name exactly the candidates, each FOR, AGAINST or ABSTAIN
        assertInvalid(recordsNothing(() -> vote(f.officer(2), ballotId, Map.of(flag, "FOR"))), "choices." + merit);
        assertInvalid(recordsNothing(() -> vote(f.officer(2), ballotId, Map.of(flag, "FOR", merit, "YES"))),
                "choices." + merit);
        assertInvalid(recordsNothing(() -> vote(f.officer(2), ballotId, Map.of(flag, "FOR", merit, "FOR",
                f.unit(2) + ":CERTIFICATE", "FOR"))), "choices");
        // a unit of another cluster, and a user of no unit, may not vote
        assertProblem(recordsNothing(() -> vote(other.officer(0), ballotId, Map.of(flag, "FOR", merit, "FOR"))),
                403, "forbidden", "Forbidden");
        assertProblem(recordsNothing(() -> vote(f.board(), ballotId, Map.of(flag, "FOR", merit, "FOR"))),
                403, "forbidden", "Forbidden");

        // three units vote, each its own pattern; the events record who voted
        for (int u = 0; u < 3; u++) {
            String choice = PATTERN.get(u);
            assertStatus(records(1, () -> vote(voter(f, choiceUnit(choice)), ballotId,
                    Map.of(flag, choice, merit, choice))), 201);
        }
        assertRule(recordsNothing(() -> vote(f.officer(0), ballotId, Map.of(flag, "AGAINST", merit, "AGAINST"))),
                "ballot.already-voted");
        ballot = get(ballotId);
        assertThat(ballot.path("voted")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(f.units());
        assertThat(ballot.path("results").isNull()).as("no tally while open").isTrue();
        assertThat(boxRows(ballotId)).isEqualTo(3);
        // the box holds the three ballots sealed: not even a DBA reading it now sees a choice
        assertThat(jdbc.queryForList("SELECT choices FROM ballot_box WHERE ballot_id = ?", String.class, ballotId))
                .hasSize(3).allSatisfy(sealed -> {
                    assertThat(sealed).startsWith("aesgcm1:");
                    PATTERN.forEach(choice -> assertThat(word(choice).matcher(sealed).find()).isFalse());
                });
        // while open, no event carries a choice at all; BallotVoted carries the ballot and the unit, and the usual
        // metadata: who acted (public turnout), nothing of the vote
        for (Map<String, Object> e : events("ballot:" + ballotId)) {
            if (e.get("type").toString().endsWith("BallotVoted")) {
                assertThat(Api.JSON.readTree(e.get("payload").toString()).fieldNames())
                        .toIterable().containsExactlyInAnyOrder("ballotId", "unitCode");
                JsonNode meta = Api.JSON.readTree(e.get("meta").toString());
                assertThat(meta.fieldNames()).toIterable().isSubsetOf("actorUser", "actorUnit", "actorRole",
                        "correlationId", "clientRequestId", "causationId", "traceId");
            }
            for (String choice : PATTERN) {
                assertThat(word(choice).matcher(e.get("payload") + " " + e.get("meta")).find())
                        .as("an event of the open ballot names a choice: %s", e).isFalse();
            }
        }

        // only the head closes; then the tally is public, the box empty, and a second close records nothing
        assertProblem(recordsNothing(() -> close(f.officer(1), ballotId)), 403, "forbidden", "Forbidden");
        r = records(1, () -> close(f.head(), ballotId));
        assertStatus(r, 200);
        ballot = get(ballotId);
        assertThat(ballot.path("status").asText()).isEqualTo("CLOSED");
        assertThat(ballot.path("results")).hasSize(2).allSatisfy(result -> {
            assertThat(result.path("inFavour").asInt()).isEqualTo(1);
            assertThat(result.path("against").asInt()).isEqualTo(1);
            assertThat(result.path("abstain").asInt()).isEqualTo(1);
            assertThat(result.path("cast").asInt()).isEqualTo(3);
        });
        assertThat(ballot.path("results")).extracting(x -> x.path("unitCode").asText() + ":" + x.path("award")
                .asText()).containsExactly(flag, merit);
        assertRule(recordsNothing(() -> close(f.head(), ballotId)), "ballot.closed");
        assertRule(recordsNothing(() -> vote(f.officer(0), ballotId, Map.of(flag, "FOR", merit, "FOR"))),
                "ballot.closed");
        assertThat(boxRows(ballotId)).as("the box is emptied at close").isZero();
        JsonNode closed = Api.JSON.readTree(events("ballot:" + ballotId).stream()
                .filter(e -> e.get("type").toString().endsWith("BallotClosed")).findFirst().orElseThrow()
                .get("payload").toString());
        assertThat(closed.path("ballots")).hasSize(3);
        assertThat(closed.path("ballots")).extracting(b -> b.path(flag).asText())
                .containsExactlyInAnyOrderElementsOf(PATTERN);

        // the secrecy: nothing stored and nothing logged links a voter to its choices
        List<List<String>> voters = new ArrayList<>();
        for (int u = 0; u < 3; u++) {
            voters.add(u == 0 ? List.of(f.unit(u), f.officer(u).username(), f.head().username())
                    : List.of(f.unit(u), f.officer(u).username()));
        }
        LoggerFactory.getLogger(BallotScenarios.class).info("log probe {}", ballotId);
        assertThat(output.getAll()).as("the log is captured").contains("log probe " + ballotId);
        assertThat(links(List.of("unit " + f.unit(1) + " voted AGAINST"), voters))
                .as("the search finds a planted link").hasSize(1);
        assertThat(links(everyRowAsText(), voters)).as("rows linking a voter to its choices").isEmpty();
        assertThat(links(output.getAll().lines().toList(), voters)).as("log lines linking a voter to its choices")
                .isEmpty();

        // a proposal cites the closed ballot instead of typed numbers; a flag still needs a majority of it
        assertRule(recordsNothing(() -> propose(f, map("unitCode", f.unit(1), "award", "PROVINCIAL_FLAG",
                "rationale", "Đơn vị dẫn đầu Cụm thi đua", "ballotId", ballotId))), "commendation.no-majority");
        assertInvalid(recordsNothing(() -> propose(f, map("unitCode", f.unit(0), "award", "CERTIFICATE_OF_MERIT",
                "rationale", "Hoàn thành xuất sắc nhiệm vụ", "ballotId", ballotId,
                "ballot", map("inFavour", 3, "against", 0, "cast", 3)))), "ballotId");
        assertRule(recordsNothing(() -> propose(f, map("unitCode", f.unit(2), "award", "CERTIFICATE_OF_MERIT",
                "rationale", "Hoàn thành xuất sắc nhiệm vụ", "ballotId", ballotId))), "commendation.not-a-candidate");
        // proposed, published for comments, citing the ballot
        r = records(3, () -> propose(f, map("unitCode", f.unit(0), "award", "CERTIFICATE_OF_MERIT",
                "rationale", "Hoàn thành xuất sắc nhiệm vụ", "ballotId", ballotId)));
        assertStatus(r, 201);
        assertThat(r.json().path("ballotId").asText()).isEqualTo(ballotId);
        // its dossier carries the tally of the ballot (biên bản kiểm phiếu), as text in the PDF
        String commendationId = r.json().path("commendationId").asText();
        JsonNode dossier = api.get("/api/v1/commendations/" + commendationId + "/dossier").as(f.auditor()).send()
                .json();
        String tallyHref = null;
        for (JsonNode c : dossier.path("components")) {
            if (c.path("kind").asText().equals("BALLOT_TALLY")) {
                tallyHref = c.path("href").asText();
            }
        }
        assertThat(tallyHref).as("%s", dossier).isNotNull();
        var pdf = api.get(tallyHref).as(f.auditor()).sendForBytes();
        assertThat(pdf.status()).isEqualTo(200);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = java.text.Normalizer.normalize(new org.apache.pdfbox.text.PDFTextStripper().getText(doc),
                    java.text.Normalizer.Form.NFC).replaceAll("\\s+", " ");
            assertThat(text).contains("BIÊN BẢN KIỂM PHIẾU", "số đơn vị đã bỏ phiếu: 3", "Bằng khen");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(r.json().path("ballot").path("inFavour").asInt()).isEqualTo(1);
        assertThat(r.json().path("ballot").path("against").asInt()).isEqualTo(1);
        assertThat(r.json().path("ballot").path("cast").asInt()).isEqualTo(3);

        // the ballots read model is rebuilt from the events alike
        List<Map<String, Object>> before = ballotRows();
        assertStatus(api.post("/api/v1/admin/projections/ballots/replay").as(OPERATOR).send(), 202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode p = api.get("/api/v1/admin/projections/ballots").as(OPERATOR).send().json();
            return "LIVE".equals(p.path("status").asText())
                    && p.path("position").asLong() >= p.path("headPosition").asLong();
        });
        assertThat(jdbc.queryForObject("SELECT active_generation FROM projection_state WHERE name = 'ballots'",
                Integer.class)).isPositive();
        assertThat(ballotRows()).isEqualTo(before);
        assertThat(get(ballotId)).isEqualTo(ballot);
    }

    @Test
    void aBallotClosesItselfAtClosesAtAndRefusesVotesFromThen() {
        Fixture f = scoredCampaign();
        closeAndApprove(f);
        Instant closesAt = Instant.now().plus(10, ChronoUnit.MINUTES);
        String flag = f.unit(1) + ":PROVINCIAL_FLAG";
        Response r = open(f, map("ballotId", "bk-" + f.tag().toLowerCase(), "title", "Bỏ phiếu kín Cờ thi đua",
                "closesAt", closesAt.toString(), "candidates", List.of(map("unitCode", f.unit(1),
                        "award", "PROVINCIAL_FLAG"))));
        assertStatus(r, 201);
        String ballotId = r.json().path("ballotId").asText();
        assertThat(ballotId).isEqualTo("bk-" + f.tag().toLowerCase());
        assertRule(recordsNothing(() -> open(f, map("ballotId", ballotId, "title", "Lần hai", "closesAt",
                closesAt.toString(), "candidates", List.of(map("unitCode", f.unit(1), "award", "PROVINCIAL_FLAG"))))),
                "ballot.exists");
        assertStatus(vote(f.officer(0), ballotId, Map.of(flag, "FOR")), 201);
        assertStatus(vote(f.officer(2), ballotId, Map.of(flag, "FOR")), 201);
        try {
            clock.pin(closesAt);
            // (the automatic close may record its event meanwhile: the refused vote is judged by the turnout)
            Response late = vote(f.officer(1), ballotId, Map.of(flag, "AGAINST"));
            assertThat(late.status()).as("%s", late).isEqualTo(409);
            assertThat(late.json().path("rule").asText()).isIn("ballot.past-closing", "ballot.closed");
            await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(get(ballotId).path("status").asText()));
            assertThat(get(ballotId).path("voted")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder(f.unit(0), f.unit(2));
        } finally {
            clock.release();
        }
        JsonNode result = get(ballotId).path("results").get(0);
        assertThat(result.path("inFavour").asInt()).isEqualTo(2);
        assertThat(result.path("cast").asInt()).isEqualTo(2);
        assertThat(events("ballot:" + ballotId)).last().satisfies(e -> {
            assertThat(e.get("type").toString()).endsWith("BallotClosed");
            assertThat(e.get("meta").toString()).contains("thidua-ballot-clock");
        });
        assertThat(boxRows(ballotId)).isZero();
    }

    // ---------------------------------------------------------------------------------------- the search

    /** A word of a choice, as it stands in JSON, in a Java map's text or a sentence (not inside another word). */
    private static Pattern word(String choice) {
        return Pattern.compile("(?<![A-Za-z])" + choice + "(?![A-Za-z])");
    }

    /**
     * The texts (rows or log lines) that name a voter (its unit code or user name) together with that voter's own
     * choice and not the others' choices: a text naming every voter's choice is the anonymous tally, not a link.
     */
    static List<String> links(List<String> texts, List<List<String>> voters) {
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            for (int v = 0; v < voters.size(); v++) {
                boolean named = voters.get(v).stream().anyMatch(text::contains);
                if (!named || !word(PATTERN.get(v)).matcher(text).find()) {
                    continue;
                }
                boolean tally = true;
                for (int o = 0; o < PATTERN.size(); o++) {
                    tally &= word(PATTERN.get(o)).matcher(text).find();
                }
                if (!tally) {
                    found.add(text);
                }
            }
        }
        return found;
    }

    /** Every row of every table of the application's schema, each column as text (binary columns decoded UTF-8). */
    List<String> everyRowAsText() {
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE LOWER(table_schema) = 'public'", String.class);
        assertThat(tables).as("tables of the schema")
                .anyMatch(t -> t.equalsIgnoreCase("domain_event_entry"))
                .anyMatch(t -> t.equalsIgnoreCase("ballot_box"))
                .anyMatch(t -> t.equalsIgnoreCase("audit_entry"))
                .anyMatch(t -> t.equalsIgnoreCase("token_entry"))
                .anyMatch(t -> t.equalsIgnoreCase("dead_letter_entry"));
        List<String> rows = new ArrayList<>();
        for (String table : tables) {
            jdbc.query("SELECT * FROM " + table, rs -> {
                ResultSetMetaData md = rs.getMetaData();
                StringBuilder row = new StringBuilder(table).append(':');
                for (int c = 1; c <= md.getColumnCount(); c++) {
                    row.append(' ').append(text(rs.getObject(c)));
                }
                rows.add(row.toString());
            });
        }
        assertThat(rows).as("the events are among the rows").anyMatch(row -> row.contains("BallotClosed"));
        return rows;
    }

    private static String text(Object value) {
        try {
            if (value instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            if (value instanceof Blob blob) {
                return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
            }
            if (value instanceof Clob clob) {
                try (Reader reader = clob.getCharacterStream()) {
                    StringBuilder s = new StringBuilder();
                    char[] buffer = new char[4096];
                    for (int n; (n = reader.read(buffer)) > 0; ) {
                        s.append(buffer, 0, n);
                    }
                    return s.toString();
                }
            }
            return String.valueOf(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------- helpers

    /** Which unit casts which pattern: unit 0 FOR, unit 1 AGAINST, unit 2 ABSTAIN. */
    private static int choiceUnit(String choice) {
        return PATTERN.indexOf(choice);
    }

    /** Unit 0 votes through the cluster head (its own unit), the others through their officers. */
    private static Creds voter(Fixture f, int unit) {
        return unit == 0 ? f.head() : f.officer(unit);
    }

    /** Closed, and the table (no provisional row: every report verified) approved by the meeting. */
    private void closeAndApprove(Fixture f) {
        assertStatus(api.post(f.campaignPath() + "/close").as(f.head()).header("Consistency", "wait").send(), 200);
        assertStatus(api.post(f.campaignPath() + "/league-table/approval").as(f.head()).header("Consistency", "wait")
                .json(map("meetingDate", java.time.LocalDate.now(vn.thidua.web.testsupport.Driver.VN).toString())).send(), 201);
    }

    /** Unit 1 leads; every report is verified by the board. */
    Fixture scoredCampaign() {
        return scored(driver.campaign());
    }

    Response open(Fixture f, Map<String, Object> body) {
        return api.post(f.campaignPath() + "/ballots").as(f.head()).header("Consistency", "wait").json(body).send();
    }

    Response vote(Creds as, String ballotId, Map<String, String> choices) {
        return api.post("/api/v1/ballots/" + ballotId + "/votes").as(as).header("Consistency", "wait")
                .json(map("choices", choices)).send();
    }

    Response close(Creds as, String ballotId) {
        return api.post("/api/v1/ballots/" + ballotId + "/close").as(as).header("Consistency", "wait").send();
    }

    Response propose(Fixture f, Map<String, Object> proposal) {
        return api.post(f.campaignPath() + "/commendations").as(f.head()).header("Consistency", "wait")
                .json(proposal).send();
    }

    JsonNode get(String ballotId) {
        Response r = api.get("/api/v1/ballots/" + ballotId).as(OPERATOR).send();
        assertStatus(r, 200);
        return r.json();
    }

    int boxRows(String ballotId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ballot_box WHERE ballot_id = ?", Integer.class, ballotId);
    }

    List<Map<String, Object>> ballotRows() {
        return jdbc.queryForList("SELECT v.ballot_id, v.campaign_id, v.title, v.closes_at, v.candidates, v.eligible,"
                + " v.status, v.results FROM ballot_view v JOIN projection_state s ON s.name = 'ballots'"
                + " AND v.generation = s.active_generation ORDER BY v.ballot_id");
    }

    /** A stream's events in order: type, payload and metadata as text. */
    List<Map<String, Object>> events(String streamId) {
        return jdbc.query("SELECT payload_type, payload, meta_data FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? ORDER BY sequence_number", (rs, i) -> Map.<String, Object>of(
                "type", rs.getString(1), "payload", text(rs.getObject(2)), "meta", text(rs.getObject(3))), streamId);
    }

    Response recordsNothing(Supplier<Response> request) {
        long before = Rows.count(jdbc, "domain_event_entry");
        Response r = request.get();
        assertThat(Rows.count(jdbc, "domain_event_entry")).as("events in the store after %s", r).isEqualTo(before);
        return r;
    }

    Response records(int n, Supplier<Response> request) {
        long before = Rows.count(jdbc, "domain_event_entry");
        Response r = request.get();
        assertThat(Rows.count(jdbc, "domain_event_entry")).as("events in the store after %s", r)
                .isEqualTo(before + n);
        return r;
    }
}
