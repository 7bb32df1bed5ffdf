package vn.thidua.web.ui.pages;

import vn.thidua.query.league.LeagueTableQueries;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.query.UnitProgress;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.UnitRef;
import vn.thidua.web.security.AppUser;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaign list, the cluster dashboard (live or as of a past day) and the unit page; and the public view
 * ({@code /cong-khai}: the campaigns, their league tables and charts, read-only, without sign-in; GET only in
 * SecurityConfig), drawn by the same templates with {@code publicView} set: no form, no write control, no link into
 * the signed-in pages but "Đăng nhập".
 */
@Controller
public class CampaignPagesController {
    private final PageQueries queries;
    private final LeagueTableWatcher watcher;

    private final LeagueTableQueries leagueTables;
    private vn.thidua.web.app.EvidenceService evidence;

    /** Evidence beside the values of the unit page (set once, by Spring). */
    @org.springframework.beans.factory.annotation.Autowired
    void setEvidence(vn.thidua.web.app.EvidenceService evidence) {
        this.evidence = evidence;
    }

    public CampaignPagesController(PageQueries queries, LeagueTableWatcher watcher, LeagueTableQueries leagueTables) {
        this.queries = queries;
        this.watcher = watcher;
        this.leagueTables = leagueTables;
    }

    public record CampaignItem(String campaignId, String title, int year, String clusterCode, String clusterName,
                               boolean closed, LocalDate pledgeDeadline, int members) {
    }

    public static final String PUBLIC = "/cong-khai";

    @GetMapping("/campaigns")
    public String campaigns(Model model) {
        model.addAttribute("publicView", false);
        return campaignList(model);
    }

    @GetMapping(PUBLIC)
    public String publicCampaigns(Model model) {
        model.addAttribute("publicView", true);
        return campaignList(model);
    }

    private String campaignList(Model model) {
        List<CampaignItem> items = queries.campaigns().stream().map(t -> new CampaignItem(t.campaignId(), t.title(),
                t.year(), t.clusterCode(), queries.clusterName(t.clusterCode()), t.closed(), t.pledgeDeadline(),
                t.members().size())).toList();
        model.addAttribute("campaigns", items);
        return "pages/campaigns";
    }

    @GetMapping("/campaigns/{campaignId}")
    public String dashboard(@PathVariable String campaignId, @RequestParam(name = "asOf", required = false) String asOfText,
                            @RequestParam(name = "compare", required = false) boolean compare,
                            @AuthenticationPrincipal AppUser user, Model model, HttpServletResponse response) {
        CampaignTerms terms = queries.campaign(campaignId);
        LocalDate asOf = null;
        if (asOfText != null && !asOfText.isBlank()) {
            try {
                asOf = LocalDate.parse(asOfText.trim());
            } catch (DateTimeParseException e) {
                // Not a date: the live dashboard, with the date field marked, in the reader's language; never JSON.
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("asOfError", true);
                model.addAttribute("asOfTyped", asOfText.length() > 40 ? asOfText.substring(0, 40) : asOfText);
            }
        }
        if (asOf != null && !asOf.isBefore(PageQueries.today())) {
            return "redirect:/campaigns/" + campaignId;
        }
        model.addAttribute("publicView", false);
        model.addAttribute("campaign", terms);
        model.addAttribute("clusterName", queries.clusterName(terms.clusterCode()));
        model.addAttribute("asOf", asOf);
        model.addAttribute("today", PageQueries.today());
        model.addAttribute("live", asOf == null);
        model.addAttribute("compare", compare);
        tableModel(terms, asOf, user, model);
        if (compare && model.getAttribute("view") != null) {
            // The self-score (tự chấm) beside the verified table: how far the inspection moved each unit.
            Map<String, BigDecimal> selfTotals = new java.util.HashMap<>();
            leagueTables.selfScore(campaignId, asOf == null ? null : PageQueries.endOfDay(asOf)).rows()
                    .forEach(r -> selfTotals.put(r.unitCode(), r.total()));
            model.addAttribute("selfTotals", selfTotals);
        }
        return "pages/dashboard";
    }

    /** The public dashboard: the live table and charts, read-only, for anyone (signed in or not). */
    @GetMapping(PUBLIC + "/campaigns/{campaignId}")
    public String publicDashboard(@PathVariable String campaignId, Model model) {
        CampaignTerms terms = queries.campaign(campaignId);
        model.addAttribute("publicView", true);
        model.addAttribute("campaign", terms);
        model.addAttribute("clusterName", queries.clusterName(terms.clusterCode()));
        model.addAttribute("asOf", null);
        model.addAttribute("today", PageQueries.today());
        model.addAttribute("live", true);
        tableModel(terms, null, null, model);
        return "pages/dashboard";
    }

    @GetMapping(PUBLIC + "/campaigns/{campaignId}/table")
    public String publicTable(@PathVariable String campaignId, Model model) {
        CampaignTerms terms = queries.campaign(campaignId);
        model.addAttribute("publicView", true);
        model.addAttribute("campaign", terms);
        model.addAttribute("live", true);
        tableModel(terms, null, null, model);
        return "pages/dashboard :: table";
    }

    @GetMapping(path = PUBLIC + "/campaigns/{campaignId}/live", produces = "text/event-stream")
    public SseEmitter publicLive(@PathVariable String campaignId) {
        return live(campaignId);
    }

    /** The table and chart data alone, re-fetched by a live dashboard when the table changes. */
    @GetMapping("/campaigns/{campaignId}/table")
    public String table(@PathVariable String campaignId, @AuthenticationPrincipal AppUser user, Model model) {
        CampaignTerms terms = queries.campaign(campaignId);
        model.addAttribute("publicView", false);
        model.addAttribute("campaign", terms);
        model.addAttribute("live", true);
        tableModel(terms, null, user, model);
        return "pages/dashboard :: table";
    }

    @GetMapping(path = "/campaigns/{campaignId}/live", produces = "text/event-stream")
    public SseEmitter live(@PathVariable String campaignId) {
        queries.campaign(campaignId);
        return watcher.subscribe(campaignId);
    }

    private void tableModel(CampaignTerms terms, LocalDate asOf, AppUser user, Model model) {
        Instant at = asOf == null ? null : PageQueries.endOfDay(asOf);
        LeagueTable table = null;
        try {
            table = queries.leagueTable(terms.campaignId(), at);
        } catch (NotFound e) {
            model.addAttribute("notLaunchedYet", true);
        }
        if (table != null) {
            model.addAttribute("view", DashboardView.of(terms, table, user));
            model.addAttribute("tableAsOf", table.asOf());
            ScoringRules rules = terms.rulesVersion(table.rulesVersion()).orElse(terms.rules());
            model.addAttribute("rules", rules);
        }
        model.addAttribute("mayActForAny", terms.members().stream()
                .anyMatch(m -> DashboardView.mayActFor(user, m.code())));
    }

    // ------------------------------------------------------------------------------------------------ unit page

    public record IndicatorLine(String code, String title, String unit, boolean qualitative, BigDecimal target,
                                BigDecimal latest, BigDecimal ratio, int barPercent, String status,
                                List<HistoryPoint> history, String chartJson) {
    }

    public record HistoryPoint(String periodTitle, BigDecimal value, boolean verified, boolean late,
                               String reportStatus) {
    }

    public record ContentGroup(String code, String title, List<IndicatorLine> indicators) {
    }

    @GetMapping("/campaigns/{campaignId}/units/{unitCode}")
    public String unit(@PathVariable String campaignId, @PathVariable String unitCode,
                       @AuthenticationPrincipal AppUser user, Model model) {
        CampaignTerms terms = queries.campaign(campaignId);
        UnitRef unit = terms.member(unitCode).orElseThrow(() -> new NotFound("unit", unitCode));
        UnitProgress progress = queries.progress(campaignId, unitCode);
        Map<String, UnitProgress.Indicator> byCode = new LinkedHashMap<>();
        progress.indicators().forEach(i -> byCode.put(i.code(), i));
        Map<String, String> periodTitles = new LinkedHashMap<>();
        for (Period p : terms.periods()) {
            periodTitles.put(p.code(), p.title());
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        List<ContentGroup> groups = new ArrayList<>();
        for (Content content : terms.contents()) {
            List<IndicatorLine> lines = new ArrayList<>();
            for (Indicator indicator : content.indicators()) {
                UnitProgress.Indicator p = byCode.get(indicator.code());
                if (p == null) {
                    continue;
                }
                IndicatorLine line = line(indicator, p, periodTitles);
                counts.merge(line.status(), 1L, Long::sum);
                lines.add(line);
            }
            groups.add(new ContentGroup(content.code(), content.title(), lines));
        }
        model.addAttribute("campaign", terms);
        model.addAttribute("unit", unit);
        model.addAttribute("groups", groups);
        model.addAttribute("counts", counts);
        model.addAttribute("statuses", List.of("ACHIEVED", "ON_TRACK", "BEHIND", "NOT_REPORTED"));
        model.addAttribute("mayAct", DashboardView.mayActFor(user, unitCode));
        // Evidence: per indicator code ("" for whole reports), newest period last; and the periods' titles.
        Map<String, List<vn.thidua.query.evidence.EvidenceRow>> files = new LinkedHashMap<>();
        evidence.ofUnit(campaignId, unitCode).forEach(f -> files.computeIfAbsent(
                f.indicatorCode() == null ? "" : f.indicatorCode(), k -> new ArrayList<>()).add(f));
        model.addAttribute("evidence", files);
        Map<String, List<vn.thidua.query.evidence.EvidenceRow>> wholeReports = new LinkedHashMap<>();
        files.getOrDefault("", List.of()).forEach(f -> wholeReports.computeIfAbsent(f.periodCode(),
                k -> new ArrayList<>()).add(f));
        model.addAttribute("wholeReportEvidence", wholeReports);
        model.addAttribute("periodTitles", periodTitles);
        return "pages/unit";
    }

    private static IndicatorLine line(Indicator indicator, UnitProgress.Indicator p, Map<String, String> periodTitles) {
        boolean qualitative = indicator.kind() == IndicatorKind.QUALITATIVE;
        int bar;
        if (qualitative) {
            bar = p.latest() != null && p.latest().signum() != 0 ? 100 : 0;
        } else if (p.ratio() != null) {
            bar = p.ratio().multiply(BigDecimal.valueOf(100)).min(BigDecimal.valueOf(100)).max(BigDecimal.ZERO)
                    .intValue();
        } else {
            bar = p.status() == UnitProgress.Status.ACHIEVED ? 100 : 0;
        }
        List<HistoryPoint> history = p.history().stream().map(h -> new HistoryPoint(
                periodTitles.getOrDefault(h.period(), h.period()), h.value(), h.verified() != null, h.late(),
                h.status())).toList();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("periods", history.stream().map(HistoryPoint::periodTitle).toList());
        chart.put("values", history.stream().map(h -> h.value() == null ? null : h.value().doubleValue()).toList());
        chart.put("target", p.target() == null ? null : p.target().doubleValue());
        chart.put("qualitative", qualitative);
        return new IndicatorLine(p.code(), p.title(), p.unit(), qualitative, p.target(), p.latest(), p.ratio(), bar,
                p.status().name(), history, DashboardView.json(chart));
    }
}
