package vn.thidua.web.documents;

import vn.thidua.query.ballot.BallotQueries;
import vn.thidua.query.ballot.BallotView;
import vn.thidua.query.league.LeagueTableQueries;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.commendation.Award;
import vn.thidua.domain.query.LeagueTableQuery;
import vn.thidua.domain.query.UnitProgress;
import vn.thidua.domain.query.UnitProgressQuery;
import vn.thidua.domain.scoring.LeagueRow;
import vn.thidua.domain.scoring.LeagueTable;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.shared.UnitRef;
import vn.thidua.eventstore.EventTable;
import vn.thidua.web.api.CommendationView;
import vn.thidua.web.api.Queries;
import vn.thidua.web.app.CommendationService;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A commendation's dossier, generated from its stream and its campaign's: the proposal letter (tờ trình) and the
 * achievement report (báo cáo thành tích) from the proposal, as PDF and DOCX; after conferral the decision
 * (quyết định) and the certificate, as PDF. Every document of the dossier is made at one event position: the
 * later of the commendation's last event and its campaign's.
 * <p>
 * Components that need events this application does not record yet are listed as pending, not made up: the
 * meeting minutes (biên bản họp) wait for the approved league table, the ballot tally (biên bản kiểm phiếu) for the
 * secret ballot, the evidence for its storage. Each is one more case in {@link #available} and {@link #content}.
 */
@Component
public class CommendationDocuments {
    private final CommendationService commendations;
    private final CampaignTermsLookup campaigns;
    private final Documents documents;
    private final EventTable events;
    private final QueryGateway queries;
    private final PdfRenderer pdf;
    private final DocxWriter docx;
    private final LeagueTableQueries leagueTables;
    private final BallotQueries ballots;

    public CommendationDocuments(CommendationService commendations, CampaignTermsLookup campaigns,
                                 Documents documents, EventTable events, QueryGateway queries, PdfRenderer pdf,
                                 DocxWriter docx, LeagueTableQueries leagueTables, BallotQueries ballots) {
        this.leagueTables = leagueTables;
        this.ballots = ballots;
        this.commendations = commendations;
        this.campaigns = campaigns;
        this.documents = documents;
        this.events = events;
        this.queries = queries;
        this.pdf = pdf;
        this.docx = docx;
    }

    /** What one commendation's documents are made from, read once. */
    record Basis(CommendationView c, CampaignTerms terms, UnitRef unit, long position, Instant at,
                 Instant proposedAt) {
        boolean decided() {
            return c.decisionNo() != null && c.decisionDate() != null;
        }
    }

    Basis basis(String commendationId) {
        CommendationView c = commendations.find(commendationId)
                .orElseThrow(() -> new NotFound("commendation", commendationId));
        CampaignTerms terms = campaigns.require(c.campaignId());
        UnitRef unit = terms.member(c.unitCode()).orElse(new UnitRef(c.unitCode(), c.unitCode(), null));
        long position = Math.max(events.lastPositionOf(StreamIds.commendation(commendationId)),
                documents.campaignPosition(c.campaignId()));
        return new Basis(c, terms, unit, position, documents.recordedAt(position), c.history().get(0).at());
    }

    // ------------------------------------------------------------------------------------------ the dossier

    /** The dossier with links under {@code base} ("/api/v1" for the API, "" for the pages). */
    public Dossier dossier(String commendationId, String base) {
        Basis b = basis(commendationId);
        List<Dossier.Component> components = new ArrayList<>();
        List<Dossier.Pending> pending = new ArrayList<>();
        for (DossierKind kind : DossierKind.values()) {
            String missing = available(kind, b);
            if (missing != null) {
                pending.add(new Dossier.Pending(kind, kind.title(), missing));
                continue;
            }
            components.add(component(b, kind, "pdf", base));
            if (kind.alsoDocx()) {
                components.add(component(b, kind, "docx", base));
            }
        }
        return new Dossier(commendationId, b.position(), components, pending);
    }

    private static Dossier.Component component(Basis b, DossierKind kind, String ext, String base) {
        String file = kind.slug() + "." + ext;
        return new Dossier.Component(kind, kind.title() + ("docx".equals(ext) ? " (Word)" : ""),
                "docx".equals(ext) ? GeneratedDocument.DOCX : GeneratedDocument.PDF,
                base + "/commendations/" + b.c().commendationId() + "/documents/" + file, file);
    }

    /** Null when the component can be made from the events recorded; else why it cannot yet, in Vietnamese. */
    private String available(DossierKind kind, Basis b) {
        return switch (kind) {
            case PROPOSAL_LETTER, ACHIEVEMENT_REPORT -> null;
            case DECISION, CERTIFICATE -> b.decided() ? null : "Chưa có quyết định khen thưởng (chưa tặng thưởng).";
            case MEETING_MINUTES -> leagueTables.approved(b.c().campaignId()).isPresent() ? null
                    : "Chưa có biên bản họp: bảng xếp hạng chưa được Cụm phê duyệt trong phần mềm.";
            case BALLOT_TALLY -> b.c().ballotId() != null && ballots.find(b.c().ballotId()).filter(v -> !v.open())
                    .isPresent() ? null : "Kết quả bỏ phiếu được nhập tay (" + b.c().ballot().inFavour() + "/"
                    + b.c().ballot().cast() + " phiếu tán thành): biên bản kiểm phiếu giấy kèm theo hồ sơ giấy.";
            case EVIDENCE -> "Chưa có tài liệu minh chứng đính kèm.";
        };
    }

    /** One component as PDF ({@code pdf}) or DOCX ({@code docx}). */
    public GeneratedDocument document(String commendationId, String file) {
        int dot = file.lastIndexOf('.');
        DossierKind kind = dot > 0 ? DossierKind.ofSlug(file.substring(0, dot)) : null;
        String ext = dot > 0 ? file.substring(dot + 1) : "";
        if (kind == null || !("pdf".equals(ext) || "docx".equals(ext) && kind.alsoDocx())) {
            throw new NotFound("document", file);
        }
        Basis b = basis(commendationId);
        if (available(kind, b) != null) {
            throw new NotFound("document", file + " of commendation " + commendationId + " (" + kind + " not yet)");
        }
        return render(b, kind, ext);
    }

    private GeneratedDocument render(Basis b, DossierKind kind, String ext) {
        Letter letter = content(kind, b);
        String name = kind.slug() + "-" + b.c().commendationId() + "." + ext;
        if ("docx".equals(ext)) {
            return new GeneratedDocument(name, GeneratedDocument.DOCX,
                    docx.docx(letter.doc(), letter.sections(), b.at()), b.position());
        }
        String title = letter.doc().kind() == null ? kind.title() : letter.doc().kind() + " " + letter.doc().title();
        return new GeneratedDocument(name, GeneratedDocument.PDF,
                pdf.pdf(letter.template(), letter.model(), title, b.at()), b.position());
    }

    /** Every component of the dossier in one zip, its entries numbered in the dossier's order and dated alike. */
    public GeneratedDocument zip(String commendationId) {
        Basis b = basis(commendationId);
        List<Zips.Entry> entries = new ArrayList<>();
        int n = 1;
        for (DossierKind kind : DossierKind.values()) {
            if (available(kind, b) != null) {
                continue;
            }
            String prefix = String.format("%02d-", n++);
            entries.add(new Zips.Entry(prefix + kind.slug() + ".pdf", render(b, kind, "pdf").bytes()));
            if (kind.alsoDocx()) {
                entries.add(new Zips.Entry(prefix + kind.slug() + ".docx", render(b, kind, "docx").bytes()));
            }
        }
        byte[] zip = Zips.zip(entries, LocalDateTime.ofInstant(b.at(), vn.thidua.domain.shared.Deadlines.ZONE));
        return new GeneratedDocument("ho-so-khen-thuong-" + commendationId + ".zip", GeneratedDocument.ZIP, zip,
                b.position());
    }

    // ------------------------------------------------------------------------------------------ the texts

    record Letter(String template, DocHeading doc, List<Section> sections, Map<String, Object> model) {
    }

    private Letter letter(DocHeading doc, List<Section> sections) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("doc", doc);
        model.put("sections", sections);
        return new Letter("letter", doc, sections, model);
    }

    Letter content(DossierKind kind, Basis b) {
        return switch (kind) {
            case PROPOSAL_LETTER -> proposalLetter(b);
            case ACHIEVEMENT_REPORT -> achievementReport(b);
            case DECISION -> decision(b);
            case MEETING_MINUTES -> minutes(b);
            case BALLOT_TALLY -> tally(b);
            case CERTIFICATE -> certificate(b);
            default -> throw new NotFound("document", kind.name());
        };
    }

    private String footer(Basis b, String what) {
        return Documents.footer(what + " · khen thưởng " + b.c().commendationId(), b.position(), b.at());
    }

    private String clusterShort(CampaignTerms terms) {
        return documents.clusterName(terms).split(" – ")[0];
    }

    private String standing(Basis b) {
        var basis = b.c().basis();
        return DocText.unitWithKind(b.unit()) + " xếp thứ " + basis.rank() + "/" + b.terms().members().size()
                + " đơn vị trong Cụm với tổng số " + DocText.number(basis.total()) + " điểm (phương pháp tính điểm "
                + "phiên bản " + basis.rulesVersion() + ", số liệu tính đến " + DocText.dateTime(basis.asOf()) + "; "
                + (basis.provisional() ? "có số liệu chưa được thẩm định" : "số liệu đã được thẩm định") + ").";
    }

    private Letter proposalLetter(Basis b) {
        CampaignTerms t = b.terms();
        String award = DocText.award(b.c().award());
        String unit = DocText.unitWithKind(b.unit());
        var ballot = b.c().ballot();
        DocHeading doc = new DocHeading("UBND TỈNH " + DocText.upper(documents.province()),
                documents.clusterIssuer(t), "Số: …/TTr-CTĐ", null,
                DocText.placeDate(documents.province(), DocText.day(b.proposedAt())), "TỜ TRÌNH",
                "Về việc đề nghị tặng " + award + " cho " + unit,
                List.of("Chủ tịch Ủy ban nhân dân tỉnh " + documents.province()),
                List.of("Như trên;", "Ban Thi đua - Khen thưởng tỉnh;", "Lưu VT."), null,
                documents.headSignature(t), " ", footer(b, "Tờ trình"));
        List<Section> sections = List.of(
                Section.of(null,
                        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                        "Căn cứ kết quả phong trào thi đua “" + t.title() + "” năm " + t.year() + " của "
                                + clusterShort(t) + ";",
                        "Căn cứ kết quả chấm điểm, xếp hạng thi đua: " + standing(b),
                        "Căn cứ kết quả bỏ phiếu của các đơn vị thành viên: " + ballot.inFavour() + "/"
                                + ballot.cast() + " phiếu tán thành (" + percent(ballot.inFavour(), ballot.cast())
                                + "), " + ballot.against() + " phiếu không tán thành.",
                        clusterShort(t) + " kính đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét, tặng " + award
                                + " cho " + unit + ", với thành tích: " + b.c().rationale() + ".",
                        "(Kèm theo báo cáo thành tích của " + unit + ".)",
                        "Kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./."));
        return letter(doc, sections);
    }

    private Letter achievementReport(Basis b) {
        CampaignTerms t = b.terms();
        String award = DocText.award(b.c().award());
        String unit = DocText.unitWithKind(b.unit());
        UnitProgress progress = Queries.ask(queries, new UnitProgressQuery(t.campaignId(), b.c().unitCode()),
                UnitProgress.class);
        // The points of the table the cluster meeting approved, when it did (the one the proposal cites).
        LeagueTable table = leagueTables.approved(t.campaignId()).map(LeagueTableQueries.Approved::table)
                .orElseGet(() -> Queries.ask(queries, new LeagueTableQuery(t.campaignId(), null, null),
                        LeagueTable.class));
        LeagueRow row = table.row(b.c().unitCode()).orElse(null);
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (UnitProgress.Indicator i : progress.indicators()) {
            boolean yesNo = "QUALITATIVE".equals(i.kind());
            BigDecimal verified = null;
            for (UnitProgress.PeriodValue p : i.history()) {
                if (p.verified() != null) {
                    verified = p.verified();
                }
            }
            rows.add(List.of(String.valueOf(n++), i.title(), i.unit() == null ? "" : i.unit(),
                    value(i.target(), yesNo), value(i.latest(), yesNo), value(verified, yesNo),
                    i.ratio() == null ? "" : DocText.number(i.ratio().multiply(BigDecimal.valueOf(100))) + " %",
                    row == null ? "" : DocText.number(row.points(i.code()))));
        }
        Section.Table results = new Section.Table(List.of("TT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu đăng ký",
                "Kết quả thực hiện", "Giá trị thẩm định", "Tỷ lệ so với đăng ký", "Điểm"), rows,
                List.of(false, false, false, true, true, true, true, true));
        DocHeading doc = new DocHeading("UBND TỈNH " + DocText.upper(documents.province()),
                "ỦY BAN NHÂN DÂN " + DocText.upper(unit), "Số: …/BC-UBND", null,
                DocText.placeDate(b.unit().name(), DocText.day(b.proposedAt())), "BÁO CÁO THÀNH TÍCH",
                "Đề nghị tặng " + award, List.of(),
                List.of(clusterShort(t) + ";", "Ban Thi đua - Khen thưởng tỉnh;", "Lưu VT."), "TM. ỦY BAN NHÂN DÂN",
                List.of("CHỦ TỊCH"), " ", footer(b, "Báo cáo thành tích"));
        List<Section> sections = List.of(
                Section.of("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH",
                        unit + " là thành viên của " + clusterShort(t) + ", tham gia phong trào thi đua “"
                                + t.title() + "” năm " + t.year() + "."),
                new Section("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA", List.of("Chỉ tiêu đơn vị đã đăng ký, kết "
                        + "quả thực hiện, giá trị đã được thẩm định và điểm theo bảng xếp hạng:"), results),
                Section.of("III. KẾT QUẢ XẾP HẠNG THI ĐUA", standing(b)),
                Section.of("IV. HÌNH THỨC ĐỀ NGHỊ KHEN THƯỞNG", "Đề nghị tặng " + award + ". " + b.c().rationale()
                        + "."));
        return letter(doc, sections);
    }

    private boolean byGovernment(Basis b) {
        return b.c().award() == Award.GOVERNMENT_FLAG;
    }

    private String giver(Basis b) {
        return byGovernment(b) ? "THỦ TƯỚNG CHÍNH PHỦ"
                : "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH " + DocText.upper(documents.province());
    }

    /** The tally of the secret ballot the proposal cites (biên bản kiểm phiếu): turnout and each candidate's votes. */
    private Letter tally(Basis b) {
        CampaignTerms t = b.terms();
        BallotView ballot = ballots.require(b.c().ballotId());
        List<List<String>> rows = new ArrayList<>();
        for (var r : ballot.results()) {
            String unit = t.member(r.unitCode()).map(DocText::unitWithKind).orElse(r.unitCode());
            rows.add(List.of(unit, DocText.award(r.award()), String.valueOf(r.inFavour()), String.valueOf(r.against()),
                    String.valueOf(r.abstain()), String.valueOf(r.cast())));
        }
        Section.Table table = new Section.Table(List.of("Đơn vị", "Hình thức khen thưởng", "Tán thành",
                "Không tán thành", "Không biểu quyết", "Số phiếu"), rows, List.of(false, false, true, true, true, true));
        DocHeading doc = new DocHeading("UBND TỈNH " + DocText.upper(documents.province()),
                documents.clusterIssuer(t), "Số: …/BB-KP", null,
                DocText.placeDate(documents.province(), DocText.day(ballot.closesAt())), "BIÊN BẢN KIỂM PHIẾU",
                ballot.title(), List.of(), List.of("Các đơn vị thành viên Cụm;", "Lưu VT."), null,
                documents.headSignature(t), " ", footer(b, "Biên bản kiểm phiếu"));
        List<Section> sections = new ArrayList<>();
        sections.add(Section.of("I. KẾT QUẢ BỎ PHIẾU KÍN",
                "Số đơn vị có quyền bỏ phiếu: " + ballot.eligible().size() + "; số đơn vị đã bỏ phiếu: "
                        + ballot.voted().size() + ".",
                "Phiếu bầu được giữ kín: phần mềm ghi nhận đơn vị nào đã bỏ phiếu, không ghi nhận đơn vị nào bỏ phiếu "
                        + "thế nào."));
        sections.add(new Section("II. KẾT QUẢ THEO TỪNG ĐỀ NGHỊ", List.of(), table));
        return letter(doc, sections);
    }

    /** The minutes of the cluster meeting that approved the table (biên bản họp), from its approval event. */
    private Letter minutes(Basis b) {
        CampaignTerms t = b.terms();
        LeagueTableQueries.Approved approved = leagueTables.approved(t.campaignId())
                .orElseThrow(() -> new NotFound("approved league table", t.campaignId()));
        List<List<String>> rows = new ArrayList<>();
        for (LeagueRow r : approved.table().rows()) {
            rows.add(List.of(String.valueOf(r.rank()), r.unitName(), DocText.number(r.total())));
        }
        Section.Table table = new Section.Table(List.of("Xếp hạng", "Đơn vị", "Tổng điểm"), rows,
                List.of(true, false, true));
        List<String> members = t.members().stream().map(DocText::unitWithKind).toList();
        DocHeading doc = new DocHeading("UBND TỈNH " + DocText.upper(documents.province()),
                documents.clusterIssuer(t), "Số: …/BB-CTĐ", null,
                DocText.placeDate(documents.province(), approved.meetingDate()), "BIÊN BẢN",
                "Hội nghị " + clusterShort(t) + " thông qua kết quả chấm điểm, xếp hạng thi đua năm " + t.year(),
                List.of(), List.of("Các đơn vị thành viên Cụm;", "Ban Thi đua - Khen thưởng tỉnh;", "Lưu VT."), null,
                documents.headSignature(t), " ",
                Documents.footer("Biên bản họp · bảng xếp hạng được thông qua", approved.position(),
                        approved.approvedAt()));
        List<Section> sections = new ArrayList<>();
        sections.add(Section.of("I. THỜI GIAN, THÀNH PHẦN",
                "Thời gian: ngày " + DocText.date(approved.meetingDate()) + ".",
                "Thành phần: đại diện lãnh đạo các đơn vị thành viên " + clusterShort(t) + ": "
                        + String.join(", ", members) + "."));
        sections.add(Section.of("II. NỘI DUNG",
                "Hội nghị xem xét kết quả chấm điểm thi đua phong trào “" + t.title() + "” năm " + t.year()
                        + " theo phương pháp tính điểm phiên bản " + approved.table().rulesVersion()
                        + ", trên số liệu đã được kiểm tra, thẩm định (số liệu đến vị trí sự kiện "
                        + approved.position() + ").",
                approved.note() == null ? "Hội nghị thống nhất thông qua bảng xếp hạng dưới đây."
                        : "Ý kiến của Hội nghị: " + approved.note()));
        sections.add(new Section("III. BẢNG XẾP HẠNG ĐƯỢC THÔNG QUA", List.of(), table));
        sections.add(Section.of(null, "Biên bản được lập xong và thông qua tại Hội nghị./."));
        return letter(doc, sections);
    }

    private Letter decision(Basis b) {
        CampaignTerms t = b.terms();
        String award = DocText.award(b.c().award());
        String unit = DocText.unitWithKind(b.unit());
        String place = byGovernment(b) ? "Hà Nội" : documents.province();
        DocHeading doc = new DocHeading(null, byGovernment(b) ? "THỦ TƯỚNG CHÍNH PHỦ"
                : "ỦY BAN NHÂN DÂN TỈNH " + DocText.upper(documents.province()), "Số: " + b.c().decisionNo(), null,
                DocText.placeDate(place, b.c().decisionDate()), "QUYẾT ĐỊNH", "Về việc tặng " + award, List.of(),
                List.of("Như Điều 3;", "Lưu VT."), null, List.of(byGovernment(b) ? "THỦ TƯỚNG" : "CHỦ TỊCH"), " ",
                footer(b, "Quyết định"));
        List<Section> sections = List.of(
                Section.of(giver(b),
                        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết "
                                + "thi hành một số điều của Luật Thi đua, khen thưởng;",
                        "Xét đề nghị của " + clusterShort(t) + " tại Tờ trình ngày "
                                + DocText.date(DocText.day(b.proposedAt()))
                                + " và của Trưởng ban Ban Thi đua - Khen thưởng tỉnh,"),
                Section.of("QUYẾT ĐỊNH:",
                        "Điều 1. Tặng " + award + " cho " + unit + ", đã có thành tích xuất sắc trong phong trào "
                                + "thi đua “" + t.title() + "” năm " + t.year() + " của " + clusterShort(t) + ".",
                        "Điều 2. Tiền thưởng kèm theo thực hiện theo quy định của pháp luật về thi đua, khen thưởng.",
                        "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng, Trưởng ban Ban Thi đua - "
                                + "Khen thưởng tỉnh, " + clusterShort(t) + " và " + unit
                                + " chịu trách nhiệm thi hành Quyết định này./."));
        return letter(doc, sections);
    }

    private Letter certificate(Basis b) {
        CampaignTerms t = b.terms();
        String place = byGovernment(b) ? "Hà Nội" : documents.province();
        DocHeading doc = new DocHeading(null, null, "Số: " + b.c().decisionNo(), null,
                DocText.placeDate(place, b.c().decisionDate()), DocText.awardHeading(b.c().award()),
                DocText.award(b.c().award()), List.of(), List.of(), null,
                List.of(byGovernment(b) ? "THỦ TƯỚNG" : "CHỦ TỊCH"), " ", footer(b, "Bằng khen / Cờ thi đua"));
        String recipient = "Ủy ban nhân dân " + DocText.unitWithKind(b.unit());
        String merit = (b.c().award().isFlag() ? "Đơn vị dẫn đầu phong trào thi đua “" : "Đã có thành tích xuất sắc "
                + "trong phong trào thi đua “") + t.title() + "” năm " + t.year() + " của " + clusterShort(t) + ".";
        String decisionLine = "Quyết định số " + b.c().decisionNo() + " ngày " + DocText.date(b.c().decisionDate());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("doc", doc);
        model.put("giver", giver(b));
        model.put("heading", DocText.awardHeading(b.c().award()));
        model.put("recipient", recipient);
        model.put("merit", merit);
        model.put("decisionLine", decisionLine);
        List<Section> sections = List.of(Section.of(null, giver(b), "TẶNG", recipient, merit, decisionLine));
        return new Letter("certificate", doc, sections, model);
    }

    private static String value(BigDecimal v, boolean yesNo) {
        if (v == null) {
            return "";
        }
        return yesNo ? (v.signum() != 0 ? "Đạt" : "Không đạt") : DocText.number(v);
    }

    private static String percent(int part, int whole) {
        if (whole == 0) {
            return "0 %";
        }
        return DocText.number(BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2,
                RoundingMode.HALF_UP)) + " %";
    }
}
