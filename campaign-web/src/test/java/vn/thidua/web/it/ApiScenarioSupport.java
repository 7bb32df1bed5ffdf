package vn.thidua.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.thidua.web.config.AppClock;
import vn.thidua.web.testsupport.ApiTestBase;
import vn.thidua.web.testsupport.Api.Creds;
import vn.thidua.web.testsupport.Api.Response;
import vn.thidua.web.testsupport.Driver;
import vn.thidua.web.testsupport.Fixture;
import vn.thidua.web.testsupport.Rows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.web.testsupport.Driver.dec;
import static vn.thidua.web.testsupport.Driver.map;
import static vn.thidua.web.testsupport.Problems.assertRule;

/**
 * What the API scenarios share: the application on a random port with its own database (started by a concrete
 * subclass), a client, a driver that builds clusters and campaigns through the API, and checks of the event store
 * around a request.
 */
@AutoConfigureObservability
abstract class ApiScenarioSupport extends ApiTestBase {
    @Autowired
    AppClock clock;

    /** One cluster with its users per application, shared read-only by the tests that only need a campaign. */
    private static final Map<JdbcTemplate, Fixture> SHARED_CLUSTER = new ConcurrentHashMap<>();

    @BeforeEach
    void releaseClock() {
        clock.release();
    }

    /** A campaign of its own (unique id) in the shared cluster, launched by the head. */
    Fixture campaign() {
        return driver.launch(unlaunched());
    }

    /** A campaign in the shared cluster in which the unit (by index) pledged and reported Q1, as (110, true, 50). */
    Fixture campaignWithReport(int unit) {
        Fixture f = campaign();
        driver.pledged(f, unit, 110, true, 50);
        driver.reported(f, unit, "Q1", 110, true, 50);
        return f;
    }

    /** A fresh campaign id in the shared cluster, not launched yet. */
    Fixture unlaunched() {
        return SHARED_CLUSTER.computeIfAbsent(jdbc, j -> driver.cluster()).forNewCampaign(Driver.tag());
    }

    // ---------------------------------------------------------------- the event store, read directly

    long events() {
        return Rows.count(jdbc, "domain_event_entry");
    }

    long users() {
        return Rows.count(jdbc, "app_user");
    }

    List<String> payloadTypes(String aggregateId) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number", String.class, aggregateId);
    }

    /** Runs a request that must record nothing, and answers it for the status and body assertions. */
    Response recordsNothing(Supplier<Response> request) {
        long before = events();
        Response r = request.get();
        assertThat(events()).as("events in the store after %s", r).isEqualTo(before);
        return r;
    }

    /** Runs a request that must record exactly {@code n} events. */
    Response records(int n, Supplier<Response> request) {
        long before = events();
        Response r = request.get();
        assertThat(events()).as("events in the store after %s", r).isEqualTo(before + n);
        return r;
    }

    static void assertNumber(JsonNode node, String expected) {
        assertThat(node.isNumber()).as("%s is a number", node).isTrue();
        assertThat(node.decimalValue()).isEqualByComparingTo(dec(expected));
    }

    /** A client signed in through the login form (with its CSRF token), for the pages and their downloads. */
    java.net.http.HttpClient signedIn(Creds who) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build();
        String base = "http://localhost:" + port;
        String login = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(login);
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        String form = "username=" + who.username() + "&password="
                + java.net.URLEncoder.encode(who.password(), StandardCharsets.UTF_8)
                + "&_csrf=" + csrf.group(1);
        client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        return client;
    }

    <T> java.net.http.HttpResponse<T> inSession(java.net.http.HttpClient client, String path,
                                               java.net.http.HttpResponse.BodyHandler<T> body) throws Exception {
        var r = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + path)).build(), body);
        assertThat(r.statusCode()).as("%s in a session", path).isEqualTo(200);
        return r;
    }

    // ------------------------------------------------------------------- commendations: proposal, close, approval

    static Map<String, Object> proposal(String unitCode, String award, int inFavour, int against, int cast) {
        return map("unitCode", unitCode, "award", award,
                "rationale", "Đơn vị dẫn đầu Cụm thi đua, hoàn thành xuất sắc các chỉ tiêu",
                "ballot", map("inFavour", inFavour, "against", against, "cast", cast));
    }

    /** Unit 1 (index 1) leads clearly under any scoring method; every report is verified by the board. */
    Fixture scoredCampaign() {
        return scored(campaign());
    }

    /**
     * The same in a cluster of its own: its units have no award history from other tests' campaigns (a provincial
     * flag of any campaign counts towards the Government flag).
     */
    Fixture scoredCampaignOfANewCluster() {
        return scored(driver.launch(driver.cluster().forNewCampaign(Driver.tag())));
    }

    /** A scored campaign of the same cluster as {@code other}, so of the same units. */
    Fixture scoredCampaignIn(Fixture other) {
        return scored(driver.launch(other.forNewCampaign(Driver.tag())));
    }

    /** A decision is dated today at the latest (Vietnam time): the fixture's due dates lie in the future. */
    static String today() {
        return LocalDate.now(vn.thidua.web.testsupport.Driver.VN).toString();
    }

    /**
     * Closes the campaign and, when its table has no provisional row, records the meeting's approval of it (a flag
     * is proposed on the approved table). Tests of an unapproved table close with {@link #closeOnly}.
     */
    Response close(Fixture f) {
        Response r = closeOnly(f);
        if (r.status() == 200) {
            Response table = api.get(f.campaignPath() + "/league-table").as(f.auditor()).send();
            boolean provisional = false;
            for (JsonNode row : table.json().path("rows")) {
                provisional |= row.path("provisional").asBoolean();
            }
            if (!provisional) {
                assertStatus(approveTable(f), 201);
            }
        }
        return r;
    }

    Response closeOnly(Fixture f) {
        return api.post(f.campaignPath() + "/close").as(f.head()).header("Consistency", "wait").send();
    }

    Response approveTable(Fixture f) {
        return api.post(f.campaignPath() + "/league-table/approval").as(f.head()).header("Consistency", "wait")
                .json(map("meetingDate", today(), "note", "Hội nghị cụm thống nhất bảng xếp hạng")).send();
    }

    /** Closes the scored campaign and proposes the provincial flag for its leading unit (index 1): the answer. */
    Response flagProposedAfterClose(Fixture f) {
        assertStatus(close(f), 200);
        Response r = propose(f, proposal(f.unit(1), "PROVINCIAL_FLAG", 3, 0, 3));
        assertStatus(r, 201);
        return r;
    }

    /** The proposal is refused by the rule and records nothing. */
    void assertProposalRefused(Fixture f, Map<String, Object> proposal, String rule) {
        assertRule(recordsNothing(() -> propose(f, proposal)), rule);
    }

    Response propose(Fixture f, Map<String, Object> proposal) {
        return api.post(f.campaignPath() + "/commendations").as(f.head()).header("Consistency", "wait")
                .json(proposal).send();
    }
}
