package vn.thidua.web.ui.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.scoring.LeagueRow;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.web.security.AppUser;
import vn.thidua.domain.shared.Role;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The league table of a campaign shaped for the dashboard: rows with per-content points, and the chart data. */
public record DashboardView(List<Column> columns, List<Row> rows, int rulesVersion, String chartJson,
                            boolean anyProvisional) {

    /** A content as a column: its short label (“Thứ nhất”) and its whole title. */
    public record Column(String code, String label, String title) {
    }

    /** {@code ranked} false: the unit has no counted value yet; the page says "Chưa xếp hạng" instead of a rank. */
    public record Row(int rank, String unitCode, String unitName, BigDecimal total, boolean provisional,
                      List<BigDecimal> points, BigDecimal penalties, boolean mayAct, boolean ranked) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static DashboardView of(CampaignTerms terms, LeagueTable table, AppUser user) {
        List<Column> columns = terms.contents().stream().map(DashboardView::column).toList();
        List<Row> rows = new ArrayList<>();
        boolean provisional = false;
        // Units with counted values in the table's order, then the units not ranked yet (in the same order).
        List<LeagueRow> ordered = new ArrayList<>(table.rows().stream().filter(LeagueRow::counted).toList());
        ordered.addAll(table.rows().stream().filter(r -> !r.counted()).toList());
        for (LeagueRow r : ordered) {
            List<BigDecimal> points = columns.stream()
                    .map(c -> r.contents().getOrDefault(c.code(), BigDecimal.ZERO)).toList();
            rows.add(new Row(r.rank(), r.unitCode(), r.unitName(), r.total(), r.provisional(), points, r.penalties(),
                    mayActFor(user, r.unitCode()), r.counted()));
            provisional |= r.provisional();
        }
        return new DashboardView(columns, rows, table.rulesVersion(), chart(columns, rows), provisional);
    }

    /** A unit officer or the cluster head acting for the unit: they may pledge and report for it. */
    public static boolean mayActFor(AppUser user, String unitCode) {
        return user != null && (user.has(Role.UNIT_OFFICER) || user.has(Role.CLUSTER_HEAD)) && user.actsFor(unitCode);
    }

    static Column column(Content c) {
        String title = c.title() == null ? c.code() : c.title();
        int colon = title.indexOf(':');
        String label = colon > 0 && colon <= 20 ? title.substring(0, colon) : c.code();
        return new Column(c.code(), label, title);
    }

    private static String chart(List<Column> columns, List<Row> rows) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("units", rows.stream().map(Row::unitName).toList());
        data.put("totals", rows.stream().map(r -> r.total().doubleValue()).toList());
        data.put("provisional", rows.stream().map(Row::provisional).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", columns.get(i).label());
            s.put("title", columns.get(i).title());
            s.put("data", rows.stream().map(r -> r.points().get(index).doubleValue()).toList());
            series.add(s);
        }
        data.put("contents", series);
        return json(data);
    }

    /** JSON safe to place inside a script element. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
