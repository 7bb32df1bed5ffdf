package vn.thidua.web.ui.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.shared.UnitRef;
import vn.thidua.query.audit.AuditEntry;
import vn.thidua.query.audit.AuditFilter;
import vn.thidua.query.audit.AuditPage;
import vn.thidua.query.audit.AuditQueries;
import vn.thidua.web.api.AuditController;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit timeline: filters, a page of entries in the order they were recorded (oldest first), what each one
 * changed, and the whole history of one submission (one event stream).
 */
@Controller
public class AuditPageController {
    static final int PAGE_SIZE = 25;
    /** How many entries one submission's history shows at most. */
    /** Every event type, in the order of a campaign's life. */
    public static final List<String> TYPES = List.of("ClusterRegistered", "CampaignLaunched", "ScoringRulesPublished",
            "PledgeSubmitted", "PledgeRevised", "ReportSubmitted", "ReportCorrected", "ReportVerified",
            "ReportRejected", "CampaignClosed", "CommendationProposed", "CommendationApproved",
            "CommendationRejected", "CommendationConferred", "CommendationRevoked", "ProposalCitedBallot",
            "BallotOpened", "BallotVoted", "BallotClosed");

    private final AuditQueries audit;
    private final PageQueries queries;
    private final AuditController api;
    private final ObjectMapper json = new ObjectMapper();

    public AuditPageController(AuditQueries audit, PageQueries queries, AuditController api) {
        this.api = api;
        this.audit = audit;
        this.queries = queries;
    }

    /** One changed field; a number is given as such too, so that the page formats it in the reader's locale. */
    public record Change(String field, String fieldTitle, String from, String to, BigDecimal fromNumber,
                         BigDecimal toNumber) {
    }

    public record Line(long position, Instant at, String type, String aggregateId, long sequence, String campaignId,
                       String unitCode, String unitName, String periodCode, String periodTitle, String actorUser,
                       String actorUnit, String actorRole, List<Change> changes, String note) {
    }

    @GetMapping("/audit")
    public String audit(@RequestParam(required = false) String campaignId,
                        @RequestParam(required = false) String unitCode,
                        @RequestParam(required = false) String type,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(required = false) String stream,
                        @RequestParam(defaultValue = "0") int page,
                        Model model) {
        campaignId = blank(campaignId);
        unitCode = blank(unitCode) == null ? null : unitCode.trim();
        type = type != null && TYPES.contains(type) ? type : null;
        stream = blank(stream);
        page = Math.max(0, page);
        Instant fromAt = from == null ? null : PageQueries.startOfDay(from);
        Instant toAt = to == null ? null : PageQueries.startOfDay(to.plusDays(1));

        List<CampaignTerms> campaigns = queries.campaigns();
        Map<String, CampaignTerms> byId = new HashMap<>();
        campaigns.forEach(c -> byId.put(c.campaignId(), c));

        AuditPage result = audit.page(stream != null ? new AuditFilter(campaignId, unitCode, null, null, null, stream)
                : new AuditFilter(campaignId, unitCode, type, fromAt, toAt), page, PAGE_SIZE);
        List<AuditEntry> entries = result.entries();
        long total = result.total();
        List<Line> lines = entries.stream().map(e -> line(e, byId.get(e.campaignId()))).toList();
        long pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);

        model.addAttribute("campaigns", campaigns);
        model.addAttribute("types", TYPES);
        model.addAttribute("lines", lines);
        model.addAttribute("total", total);
        model.addAttribute("totalNumber", BigDecimal.valueOf(total));
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("firstIndex", (long) page * PAGE_SIZE + 1);
        model.addAttribute("stream", stream);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("type", type);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        CampaignTerms selected = campaignId == null ? null : byId.get(campaignId);
        model.addAttribute("units", selected == null ? List.of() : selected.members());
        model.addAttribute("pageUrl", pageUrl(campaignId, unitCode, type, from, to));
        model.addAttribute("ndjsonUrl", exportUrl("/audit/export.ndjson", campaignId, unitCode, type, fromAt, toAt));
        model.addAttribute("excelUrl", exportUrl("/audit.xlsx", campaignId, unitCode, type, fromAt, toAt));
        return "pages/audit";
    }

    /** The API's NDJSON export for a signed-in browser session (the API itself takes HTTP Basic only). */
    @GetMapping("/audit/export.ndjson")
    public ResponseEntity<StreamingResponseBody> exportNdjson(@RequestParam(required = false) String campaignId,
                                                              @RequestParam(required = false) String unitCode,
                                                              @RequestParam(required = false) String type,
                                                              @RequestParam(required = false) String from,
                                                              @RequestParam(required = false) String to) {
        return api.export(campaignId, unitCode, type, from, to);
    }

    private static String pageUrl(String campaignId, String unitCode, String type, LocalDate from, LocalDate to) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/audit");
        param(b, "campaignId", campaignId);
        param(b, "unitCode", unitCode);
        param(b, "type", type);
        param(b, "from", from == null ? null : from.toString());
        param(b, "to", to == null ? null : to.toString());
        return b.encode().build().toUriString();
    }

    private static String exportUrl(String path, String campaignId, String unitCode, String type, Instant from,
                                    Instant to) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        param(b, "campaignId", campaignId);
        param(b, "unitCode", unitCode);
        param(b, "type", type);
        param(b, "from", from == null ? null : OffsetDateTime.ofInstant(from, PageQueries.VN).toString());
        param(b, "to", to == null ? null : OffsetDateTime.ofInstant(to, PageQueries.VN).toString());
        return b.encode().build().toUriString();
    }

    private static void param(UriComponentsBuilder b, String name, String value) {
        if (value != null) {
            b.queryParam(name, value);
        }
    }

    private Line line(AuditEntry e, CampaignTerms terms) {
        Map<String, String> indicatorTitles = new LinkedHashMap<>();
        String unitName = e.unitCode();
        String periodTitle = e.periodCode();
        if (terms != null) {
            for (Indicator i : terms.indicators().values()) {
                indicatorTitles.put(i.code(), i.title());
            }
            unitName = terms.member(e.unitCode()).map(UnitRef::name).orElse(e.unitCode());
            periodTitle = terms.period(e.periodCode()).map(Period::title).orElse(e.periodCode());
        }
        List<Change> changes = new ArrayList<>();
        JsonNode array = parse(e.changes());
        if (array != null && array.isArray()) {
            for (JsonNode c : array) {
                String field = c.path("field").asText("");
                String from = text(c.get("from"));
                String to = text(c.get("to"));
                changes.add(new Change(field, indicatorTitles.get(field), from, to, number(c.get("from")),
                        number(c.get("to"))));
            }
        }
        String note = null;
        JsonNode payload = parse(e.payload());
        if (payload != null) {
            for (String key : List.of("reason", "comment", "note")) {
                if (payload.hasNonNull(key) && !payload.get(key).asText().isBlank()) {
                    note = vn.thidua.web.ui.Formats.datesInText(payload.get(key).asText());
                    break;
                }
            }
        }
        return new Line(e.position(), Instant.parse(e.at()), e.type(), e.aggregateId(), e.sequence(), e.campaignId(),
                e.unitCode(), unitName, e.periodCode(), periodTitle, e.actor().user(), e.actor().unit(),
                e.actor().role(), changes, note);
    }

    /** A changed value as stored: a number (formatted by the page), a status code, or null (nothing before). */
    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static BigDecimal number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (Exception ex) {
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
