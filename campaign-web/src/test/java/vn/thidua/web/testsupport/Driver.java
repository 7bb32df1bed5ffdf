package vn.thidua.web.testsupport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds test data through the public API only: users as the operator, a cluster, a campaign. The campaign has two
 * contents and three indicators: REV (quantitative, floor 100), OK (qualitative) and RATE (quantitative, 0..100).
 */
public final class Driver {
    public static final String PASSWORD = "It-password-1";
    public static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private final Api api;
    private final Api.Creds operator;

    public Driver(Api api, Api.Creds operator) {
        this.api = api;
        this.operator = operator;
    }

    public static String tag() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** An ordered, mutable JSON object: {@code map("a", 1, "b", 2)}. Nulls are kept (JSON null). */
    public static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    public static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    public Api.Response createUser(Api.Creds as, String username, String unitCode, String... roles) {
        Map<String, Object> body = map("username", username, "password", PASSWORD, "displayName",
                "Người dùng " + username, "roles", Arrays.asList(roles));
        if (unitCode != null) {
            body.put("unitCode", unitCode);
        }
        return api.post("/api/v1/admin/users").as(as).json(body).send();
    }

    public Api.Creds user(String username, String unitCode, String... roles) {
        Api.Response r = createUser(operator, username, unitCode, roles);
        assertThat(r.status()).as("create user: %s", r).isEqualTo(201);
        return new Api.Creds(username, PASSWORD);
    }

    public Map<String, Object> clusterBody(String code, List<String> units) {
        List<Object> members = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            members.add(map("code", units.get(i), "name", "Xã Thiệu " + (char) ('A' + i), "kind", "COMMUNE"));
        }
        return map("code", code, "name", "Cụm thi đua số " + code, "members", members);
    }

    /** The three member units of the cluster of this tag. */
    public static List<String> units(String tag) {
        return List.of("U1" + tag, "U2" + tag, "U3" + tag);
    }

    /** A registered cluster and its users, no campaign launched yet. */
    public Fixture cluster() {
        String tag = tag();
        String cluster = "C" + tag;
        List<String> units = units(tag);
        Api.Response r = api.post("/api/v1/clusters").as(operator).json(clusterBody(cluster, units)).send();
        assertThat(r.status()).as("register cluster: %s", r).isEqualTo(201);
        String lower = tag.toLowerCase(Locale.ROOT);
        Api.Creds head = user("head-" + lower, units.get(0), "CLUSTER_HEAD");
        Map<String, Api.Creds> officers = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            officers.put(units.get(i), user("off" + (i + 1) + "-" + lower, units.get(i), "UNIT_OFFICER"));
        }
        Api.Creds board = user("board-" + lower, null, "BOARD");
        Api.Creds auditor = user("aud-" + lower, null, "AUDITOR");
        LocalDate today = LocalDate.now(VN);
        return new Fixture(tag, cluster, "camp-" + lower, units, head, officers, board, auditor,
                today.plusDays(30), today.plusDays(60), today.plusDays(200));
    }

    /** A registered cluster, its users and an open campaign launched by the head. */
    public Fixture campaign() {
        return launch(cluster());
    }

    /** Launches the fixture's campaign as its head. */
    public Fixture launch(Fixture f) {
        Api.Response r = api.post("/api/v1/campaigns").as(f.head()).json(campaignBody(f)).send();
        assertThat(r.status()).as("launch campaign: %s", r).isEqualTo(201);
        return f;
    }

    public static Map<String, Object> campaignBody(Fixture f) {
        Map<String, Object> rev = map("code", "REV", "title", "Thu ngân sách", "unit", "%", "kind", "QUANTITATIVE",
                "direction", "HIGHER_IS_BETTER", "floor", 100, "weight", 60);
        Map<String, Object> ok = map("code", "OK", "title", "Hoàn thành chương trình nông thôn mới", "unit", "",
                "kind", "QUALITATIVE", "floor", null, "weight", 20);
        Map<String, Object> rate = map("code", "RATE", "title", "Tỷ lệ hộ nghèo giảm", "unit", "%",
                "kind", "QUANTITATIVE", "weight", 20, "min", 0, "max", 100);
        return map("campaignId", f.campaignId(), "clusterCode", f.cluster(), "year", f.pledgeDeadline().getYear(),
                "title", "Phong trào thi đua " + f.tag(), "headUnit", f.headUnit(),
                "pledgeDeadline", f.pledgeDeadline().toString(),
                "periods", List.of(map("code", "Q1", "title", "Quý I", "dueDate", f.q1Due().toString()),
                        map("code", "Y", "title", "Cả năm", "dueDate", f.yearDue().toString())),
                "contents", List.of(map("code", "K1", "title", "Kinh tế", "indicators", List.of(rev, ok)),
                        map("code", "K2", "title", "Xã hội", "indicators", List.of(rate))),
                "scoringRules", rules(1, "RATIO_CAPPED"));
    }

    public static Map<String, Object> rules(int version, String method) {
        return map("version", version, "method", method, "cap", 1.2, "latePenalty", 1, "missingPenalty", 0,
                "rejectedPenalty", 0);
    }

    public static Map<String, Object> targets(Object rev, Object ok, Object rate) {
        return map("targets", map("REV", rev, "OK", ok, "RATE", rate));
    }

    public static Map<String, Object> values(Object rev, Object ok, Object rate) {
        return map("values", map("REV", rev, "OK", ok, "RATE", rate));
    }

    public Api.Response pledge(Fixture f, int unit, Object rev, Object ok, Object rate) {
        return api.put(f.pledgePath(unit)).as(f.officer(unit)).json(targets(rev, ok, rate)).send();
    }

    public Api.Response report(Fixture f, int unit, String period, Map<String, Object> body) {
        return api.put(f.reportPath(unit, period)).as(f.officer(unit)).json(body).send();
    }

    public void pledged(Fixture f, int unit, Object rev, Object ok, Object rate) {
        Api.Response r = pledge(f, unit, rev, ok, rate);
        assertThat(r.status()).as("pledge: %s", r).isEqualTo(201);
    }

    public void reported(Fixture f, int unit, String period, Object rev, Object ok, Object rate) {
        Api.Response r = report(f, unit, period, values(rev, ok, rate));
        assertThat(r.status()).as("report: %s", r).isEqualTo(201);
    }
}
