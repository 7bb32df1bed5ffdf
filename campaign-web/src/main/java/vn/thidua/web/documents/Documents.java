package vn.thidua.web.documents;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.command.support.ClusterDirectory;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.query.LeagueTableQuery;
import vn.thidua.domain.scoring.LeagueRow;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.shared.UnitRef;
import vn.thidua.eventstore.EventTable;
import vn.thidua.query.league.CampaignHistories;
import vn.thidua.query.league.LeagueTableQueries;
import vn.thidua.query.league.StoredLeagueTable;
import vn.thidua.web.api.Queries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The campaign's documents, generated from the events: the league table and the launch letter. Each is made at an
 * event position (the campaign's last event it reflects), states it in its footer, and is dated by that event, so
 * the same request gives the same bytes until the campaign's next event.
 */
@Component
public class Documents {
    private final CampaignTermsLookup campaigns;
    private final ClusterDirectory clusters;
    private final CampaignHistories histories;
    private final LeagueTableQueries leagueTables;
    private final QueryGateway queries;
    private final EventTable events;
    private final PdfRenderer pdf;
    private final String province;

    public Documents(CampaignTermsLookup campaigns, ClusterDirectory clusters, CampaignHistories histories,
                     LeagueTableQueries leagueTables, QueryGateway queries, EventTable events, PdfRenderer pdf,
                     @Value("${thidua.documents.province:Thanh Hóa}") String province) {
        this.campaigns = campaigns;
        this.clusters = clusters;
        this.histories = histories;
        this.leagueTables = leagueTables;
        this.queries = queries;
        this.events = events;
        this.pdf = pdf;
        this.province = province;
    }

    public String province() {
        return province;
    }

    /** When the event at {@code position} was recorded (the documents' date). */
    public Instant recordedAt(long position) {
        return events.recordedAfter(position - 1).orElseThrow(() -> new NotFound("event", "at " + position));
    }

    /** The campaign's last event position: its own stream's and its members' participation streams'. */
    public long campaignPosition(String campaignId) {
        return histories.current(campaignId).lastPosition();
    }

    public String clusterName(CampaignTerms terms) {
        return clusters.findCluster(terms.clusterCode()).map(ClusterRegistered::name).orElse(terms.clusterCode());
    }

    /** "CỤM THI ĐUA SỐ II" from "Cụm thi đua số II – tỉnh Thanh Hóa". */
    public String clusterIssuer(CampaignTerms terms) {
        String name = clusterName(terms);
        int dash = name.indexOf(" – ");
        return DocText.upper(dash > 0 ? name.substring(0, dash) : name);
    }

    public UnitRef head(CampaignTerms terms) {
        return terms.member(terms.headUnit()).orElse(new UnitRef(terms.headUnit(), terms.headUnit(), null));
    }

    /** The cluster head's signature: "TRƯỞNG CỤM / CHỦ TỊCH UBND HUYỆN TRIỆU SƠN". */
    public List<String> headSignature(CampaignTerms terms) {
        return List.of("TRƯỞNG CỤM", "CHỦ TỊCH UBND " + DocText.upper(DocText.unitWithKind(head(terms))));
    }

    public static String footer(String what, long position, Instant at) {
        return what + " · tạo từ các sự kiện đến vị trí " + position + " (" + DocText.dateTime(at)
                + ") · phần mềm Thi đua";
    }

    // ------------------------------------------------------------------------------------------ league table

    public GeneratedDocument leagueTable(String campaignId, Instant asOf) {
        CampaignTerms terms = campaigns.require(campaignId);
        LeagueTable table;
        long position;
        Optional<StoredLeagueTable> stored = asOf == null ? leagueTables.stored(campaignId) : Optional.empty();
        if (stored.isPresent()) {
            table = stored.get().table();
            position = stored.get().stamp().lastPosition();
        } else {
            position = asOf == null ? campaignPosition(campaignId)
                    : histories.upTo(campaignId, asOf).orElseThrow(() -> new NotFound("league table",
                    campaignId + " as of " + asOf + " (the campaign was not launched yet)")).lastPosition();
            table = Queries.ask(queries, new LeagueTableQuery(campaignId, asOf, null), LeagueTable.class);
        }
        Instant at = recordedAt(position);
        LocalDate day = asOf != null ? DocText.day(asOf.minusNanos(1)) : DocText.day(at);
        List<Indicator> indicators = List.copyOf(terms.indicators().values());
        String title = "Kết quả chấm điểm, xếp hạng thi đua năm " + terms.year();
        DocHeading doc = new DocHeading("UBND TỈNH " + DocText.upper(province), clusterIssuer(terms),
                "Số: …/BC-CTĐ", null, DocText.placeDate(province, day), "BẢNG XẾP HẠNG THI ĐUA", title,
                List.of(), List.of("Các đơn vị trong Cụm;", "Ban Thi đua - Khen thưởng tỉnh (báo cáo);", "Lưu VT."),
                null, headSignature(terms), " ", footer("Bảng xếp hạng " + campaignId, position, at));

        List<Map<String, Object>> rows = new ArrayList<>();
        for (LeagueRow r : table.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", r.rank());
            row.put("unit", r.unitName());
            row.put("total", DocText.number(r.total()));
            row.put("points", indicators.stream().map(i -> DocText.number(r.points(i.code()))).toList());
            row.put("penalties", DocText.number(r.penalties()));
            row.put("state", r.provisional() ? "Tạm tính" : "Chính thức");
            rows.add(row);
        }
        // The figures are stated as of the day asked for, or as of the last event they reflect: not the instant the
        // projection happened to store them (a replay stores the same table again, later), so the bytes stay.
        String intro = "Phong trào thi đua: " + terms.title() + ". Số liệu tính đến "
                + (asOf != null ? "hết ngày " + DocText.date(day) : DocText.dateTime(at))
                + ", phương pháp tính điểm phiên bản " + table.rulesVersion() + (terms.closed() ? "; đợt thi đua đã kết thúc." : "; đợt thi đua đang diễn ra.")
                + " Các cột 1…" + indicators.size() + " là điểm của từng chỉ tiêu (xem bảng Chỉ tiêu).";
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("doc", doc);
        model.put("intro", intro);
        model.put("rows", rows);
        model.put("indicators", indicators.stream().map(Documents::indicatorLine).toList());
        String file = asOf == null ? "bang-xep-hang-" + campaignId
                : "bang-xep-hang-" + campaignId + "-den-" + DocText.date(day).replace('/', '-');
        return new GeneratedDocument(file + ".pdf", GeneratedDocument.PDF,
                pdf.pdf("league-table", model, title, at), position);
    }

    private static Map<String, String> indicatorLine(Indicator i) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("code", i.code());
        m.put("title", i.title());
        m.put("unit", i.unit() == null ? "" : i.unit());
        m.put("floor", i.floor() == null ? "" : DocText.number(i.floor()));
        m.put("weight", DocText.number(i.weight()));
        return m;
    }

    // ------------------------------------------------------------------------------------------ launch letter

    /** The launch letter, from the campaign's own stream (launch, rule versions, close): in the seed letter's layout. */
    public GeneratedDocument launchLetter(String campaignId) {
        CampaignTerms terms = campaigns.require(campaignId);
        long position = events.lastPositionOf(StreamIds.campaign(campaignId));
        long launchedAt = firstPositionOf(campaignId);
        Instant at = recordedAt(position);
        Instant launched = recordedAt(launchedAt);
        UnitRef head = head(terms);
        List<UnitRef> others = terms.members().stream().filter(m -> !m.code().equals(terms.headUnit())).toList();
        // "Phát động thi đua hoàn thành …" is already the subject: it is not said twice.
        String subject = terms.title().toLowerCase(java.util.Locale.forLanguageTag("vi")).startsWith("phát động")
                ? "V/v " + lowerFirst(terms.title()) : "V/v phát động thi đua " + lowerFirst(terms.title());
        DocHeading doc = new DocHeading(null, DocText.upper(clusterName(terms).split(" – ")[0]),
                "Số: …/CTĐ-" + abbreviation(head.name()), subject, DocText.placeDate(head.name(),
                DocText.day(launched)), null, null,
                List.of("Chủ tịch Hội đồng Thi đua - Khen thưởng các đơn vị: "
                        + others.stream().map(UnitRef::name).collect(Collectors.joining(", ")) + "."),
                List.of("Như trên;", "Ban TĐKT tỉnh (báo cáo);", "Lưu VT."), null, headSignature(terms), " ",
                footer("Thư phát động " + campaignId, position, at));
        List<Map<String, Object>> contents = new ArrayList<>();
        for (Content c : terms.contents()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", c.title());
            m.put("indicators", c.indicators().stream().map(Documents::indicatorLine).toList());
            contents.add(m);
        }
        List<Map<String, String>> periods = new ArrayList<>();
        for (Period p : terms.periods()) {
            periods.add(Map.of("title", p.title(), "due", DocText.date(p.dueDate())));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("doc", doc);
        model.put("intro", List.of("Năm " + terms.year() + ", " + clusterName(terms).split(" – ")[0]
                + " phát động phong trào thi đua yêu nước trong toàn Cụm (" + lowerFirst(terms.title())
                + ") với những nội dung và chỉ tiêu cơ bản sau đây."));
        model.put("contents", contents);
        model.put("pledgeLine", "Các đơn vị đăng ký chỉ tiêu thi đua (không thấp hơn mức tối thiểu của Cụm) trước hết ngày "
                + DocText.date(terms.pledgeDeadline()) + "; báo cáo kết quả theo các kỳ dưới đây.");
        model.put("periods", periods);
        model.put("membersLine", terms.members().stream().map(UnitRef::name).collect(Collectors.joining(", "))
                + " (" + terms.members().size() + " đơn vị; Trưởng Cụm: " + head.name() + ").");
        model.put("closingText", List.of("Với tinh thần đó, thay mặt lãnh đạo các đơn vị trong Cụm, tôi kêu gọi "
                + "toàn thể cán bộ, đảng viên và nhân dân các đơn vị trong Cụm phát huy truyền thống yêu nước, đoàn kết, "
                + "thi đua lập thành tích cao nhất, thực hiện thắng lợi các mục tiêu, nhiệm vụ năm " + terms.year()
                + "./."));
        return new GeneratedDocument("thu-phat-dong-" + campaignId + ".pdf", GeneratedDocument.PDF,
                pdf.pdf("launch-letter", model, subject, at), position);
    }

    private long firstPositionOf(String campaignId) {
        return events.streams(List.of(StreamIds.campaign(campaignId))).get(0).position();
    }

    /** "Triệu Sơn" → "TS", as a symbol abbreviates the issuing body. */
    static String abbreviation(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D').split("\\s+")) {
            if (!w.isEmpty()) {
                b.append(Character.toUpperCase(w.charAt(0)));
            }
        }
        return b.toString();
    }

    static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
