package vn.thidua.web.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Direction;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.campaign.ScoringRulesPublished;
import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.domain.shared.Deadlines;
import vn.thidua.domain.shared.MetadataKeys;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.domain.shared.UnitRef;
import vn.thidua.eventstore.EventJson;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a realistic event history straight into {@code domain_event_entry} with PostgreSQL's binary COPY, in the
 * exact shape Axon's JDBC store and JacksonSerializer give it (payload = the event record as JSON with
 * {@link EventJson#mapper()}, payload_type = class name, meta_data = JSON object, time_stamp = ISO instant).
 *
 * <p>The history is made of rounds (one reporting year each) of {@code campaignsPerRound} cluster campaigns that
 * run side by side; each campaign has {@value #UNITS} member units, {@value #INDICATORS} indicators in 9 contents and
 * 4 quarterly periods. In a round: every campaign is launched, units pledge (some revise), then period by period
 * every unit reports (a few late), some correct their report, verifiers verify (sometimes fixing a value) or
 * reject, rejected reports are corrected and verified again. Campaigns of finished rounds are closed; the last
 * round stays open. Rounds are added until at least {@code targetEvents} events are written.
 */
final class HistoryGenerator {
    static final int UNITS = 150;
    static final int INDICATORS = 30;
    static final int CONTENTS = 9;
    static final int PERIODS = 4;
    private static final int CHUNK = 1 << 20;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final String COPY = "COPY domain_event_entry (global_index, event_identifier, aggregate_identifier,"
            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
            + " FROM STDIN (FORMAT binary)";

    private final ObjectMapper json = EventJson.mapper();
    private final Random random;
    private final int campaignsPerRound;
    private final List<Content> contents;
    private final List<Indicator> indicators;
    private final List<String> campaignIds = new ArrayList<>();
    private final List<String> openCampaignIds = new ArrayList<>();

    private long position;
    private final Map<String, Integer> sequences = new HashMap<>();
    private ByteArrayOutputStream buffer;
    private DataOutputStream out;
    private CopyIn copy;
    private final Map<String, Long> countsByType = new LinkedHashMap<>();

    HistoryGenerator(long seed, int campaignsPerRound) {
        this.random = new Random(seed);
        this.campaignsPerRound = campaignsPerRound;
        this.contents = contents();
        this.indicators = contents.stream().flatMap(c -> c.indicators().stream()).toList();
    }

    List<String> campaignIds() {
        return campaignIds;
    }

    List<String> openCampaignIds() {
        return openCampaignIds;
    }

    Map<String, Long> countsByType() {
        return countsByType;
    }

    /** Generates rounds until at least {@code targetEvents} are written; returns the number written. */
    long generate(DataSource dataSource, long targetEvents) throws SQLException, IOException {
        int estimatePerRound = campaignsPerRound * (UNITS * 11 + 2);
        int rounds = (int) Math.max(1, (targetEvents + estimatePerRound - 1) / estimatePerRound);
        int round = 0;
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(true);
            PGConnection pg = con.unwrap(PGConnection.class);
            while (position < targetEvents) {
                boolean last = round >= rounds - 1;
                copy = pg.getCopyAPI().copyIn(COPY);
                buffer = new ByteArrayOutputStream(CHUNK + 64 * 1024);
                out = new DataOutputStream(buffer);
                write(HEADER);
                round(round, !last);
                writeShort(-1);
                flush(true);
                copy.endCopy();
                round++;
            }
            try (var st = con.createStatement()) {
                st.execute("SELECT setval(pg_get_serial_sequence('domain_event_entry', 'global_index'), "
                        + position + ")");
            }
        }
        return position;
    }

    // ----------------------------------------------------------------------------------------------- one round

    private record Unit(String campaignId, UnitRef ref, String streamId, Map<String, BigDecimal> targets,
                        double skill, Map<String, BigDecimal>[] reported) {
    }

    @SuppressWarnings("unchecked")
    private void round(int round, boolean close) {
        int year = 2014 + round;
        List<CampaignLaunched> launches = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        Instant t = Instant.parse(year + "-01-05T02:00:00Z");
        for (int c = 0; c < campaignsPerRound; c++) {
            int cluster = c + 1;
            String id = "C" + year + "-K" + String.format("%03d", cluster);
            List<UnitRef> members = new ArrayList<>(UNITS);
            for (int u = 0; u < UNITS; u++) {
                members.add(new UnitRef("K" + cluster + "-U" + String.format("%03d", u + 1),
                        unitName(cluster, u), u % 3 == 0 ? "PHUONG" : "XA"));
            }
            List<Period> periods = new ArrayList<>();
            periods.add(new Period("Q1", "Quý I", LocalDate.of(year, 4, 10)));
            periods.add(new Period("Q2", "Quý II", LocalDate.of(year, 7, 10)));
            periods.add(new Period("Q3", "Quý III", LocalDate.of(year, 10, 10)));
            periods.add(new Period("Q4", "Quý IV", LocalDate.of(year + 1, 1, 10)));
            ScoringRules rules = new ScoringRules(1, c % 4 == 0 ? ScoringMethod.LEADER_INTERPOLATED
                    : ScoringMethod.RATIO_CAPPED, new BigDecimal("1.2"), new BigDecimal("0.5"), new BigDecimal("2"),
                    new BigDecimal("1"));
            CampaignLaunched launched = new CampaignLaunched(id, "K" + cluster, year,
                    "Phong trào thi đua năm " + year + " cụm " + cluster, members.get(0).code(), members,
                    LocalDate.of(year, 2, 28), periods, contents, rules);
            launches.add(launched);
            campaignIds.add(id);
            if (!close) {
                openCampaignIds.add(id);
            }
            t = t.plusSeconds(60);
            emit(StreamIds.campaign(id), "Campaign", t, launched, members.get(0).code(), "CLUSTER_HEAD");
            for (UnitRef m : members) {
                units.add(new Unit(id, m, StreamIds.participation(id, m.code()), new LinkedHashMap<>(),
                        0.75 + random.nextDouble() * 0.5, new Map[PERIODS]));
            }
        }
        // Pledges, then revisions for some.
        t = Instant.parse(year + "-01-20T01:00:00Z");
        for (Unit u : shuffled(units)) {
            for (Indicator i : indicators) {
                u.targets.put(i.code(), target(i));
            }
            t = t.plusMillis(200);
            emit(u.streamId, "Participation", t, new PledgeSubmitted(u.streamId, u.campaignId, u.ref.code(),
                    u.targets), u.ref.code(), "UNIT_OFFICER");
        }
        t = Instant.parse(year + "-02-15T01:00:00Z");
        for (Unit u : shuffled(units)) {
            if (random.nextInt(100) < 20) {
                Map<String, BigDecimal> previous = new LinkedHashMap<>(u.targets);
                for (int k = 0; k < 3; k++) {
                    Indicator i = indicators.get(random.nextInt(INDICATORS));
                    u.targets.put(i.code(), target(i));
                }
                t = t.plusMillis(500);
                emit(u.streamId, "Participation", t, new PledgeRevised(u.streamId, u.campaignId, u.ref.code(),
                        u.targets, previous), u.ref.code(), "UNIT_OFFICER");
            }
        }
        // A few campaigns publish a second rule version after the pledges.
        for (CampaignLaunched l : launches) {
            if (random.nextInt(100) < 10) {
                t = t.plusSeconds(30);
                emit(StreamIds.campaign(l.campaignId()), "Campaign", t, new ScoringRulesPublished(l.campaignId(),
                        new ScoringRules(2, ScoringMethod.RATIO_CAPPED, new BigDecimal("1.1"), new BigDecimal("1"),
                                new BigDecimal("3"), new BigDecimal("1"))), l.headUnit(), "CLUSTER_HEAD");
            }
        }
        for (int p = 0; p < PERIODS; p++) {
            String period = "Q" + (p + 1);
            Instant due = Deadlines.endOf(launches.get(0).periods().get(p).dueDate());
            // Reports: on time for most, in the two weeks before the due date; the late ones after it.
            List<Unit> late = new ArrayList<>();
            t = due.minusSeconds(14 * 86_400);
            for (Unit u : shuffled(units)) {
                if (random.nextInt(100) < 3) {
                    late.add(u);
                    continue;
                }
                t = t.plusMillis(1000);
                report(u, p, period, t, false);
            }
            t = due.plusSeconds(3600);
            for (Unit u : late) {
                t = t.plusSeconds(60);
                report(u, p, period, t, true);
            }
            // Self-corrections before verification.
            t = due.plusSeconds(2 * 86_400);
            for (Unit u : shuffled(units)) {
                if (random.nextInt(100) < 15) {
                    t = t.plusMillis(2000);
                    correct(u, p, period, t, due, "Điều chỉnh số liệu theo báo cáo thống kê");
                }
            }
            // Verification (kiểm tra chéo): verified, sometimes with a fixed value, or rejected.
            List<Unit> rejected = new ArrayList<>();
            t = due.plusSeconds(7 * 86_400);
            for (Unit u : shuffled(units)) {
                t = t.plusMillis(2000);
                if (random.nextInt(100) < 6) {
                    rejected.add(u);
                    emit(u.streamId, "Participation", t, new ReportRejected(u.streamId, u.campaignId, u.ref.code(),
                            period, "Số liệu chưa khớp với báo cáo của Sở"), "K-VERIFIER", "CLUSTER_HEAD");
                } else {
                    verify(u, p, period, t);
                }
            }
            // Rejected reports corrected and verified again.
            t = due.plusSeconds(10 * 86_400);
            for (Unit u : rejected) {
                t = t.plusSeconds(30);
                correct(u, p, period, t, due, "Sửa theo ý kiến kiểm tra chéo");
            }
            t = due.plusSeconds(12 * 86_400);
            for (Unit u : rejected) {
                t = t.plusSeconds(30);
                if (random.nextInt(100) < 80) {
                    verify(u, p, period, t);
                }
            }
        }
        if (close) {
            t = Instant.parse((year + 1) + "-02-01T03:00:00Z");
            for (CampaignLaunched l : launches) {
                t = t.plusSeconds(60);
                emit(StreamIds.campaign(l.campaignId()), "Campaign", t, new CampaignClosed(l.campaignId()),
                        l.headUnit(), "CLUSTER_HEAD");
            }
        }
    }

    private void report(Unit u, int p, String period, Instant t, boolean late) {
        Map<String, BigDecimal> values = values(u, p);
        u.reported[p] = values;
        emit(u.streamId, "Participation", t, new ReportSubmitted(u.streamId, u.campaignId, u.ref.code(), period,
                values, late), u.ref.code(), "UNIT_OFFICER");
    }

    private void correct(Unit u, int p, String period, Instant t, Instant due, String reason) {
        Map<String, BigDecimal> previous = u.reported[p];
        Map<String, BigDecimal> values = new LinkedHashMap<>(previous);
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
            Indicator i = indicators.get(random.nextInt(INDICATORS));
            values.put(i.code(), value(i, u, p));
        }
        u.reported[p] = values;
        emit(u.streamId, "Participation", t, new ReportCorrected(u.streamId, u.campaignId, u.ref.code(), period,
                values, previous, reason, !t.isBefore(due)),
                u.ref.code(), "UNIT_OFFICER");
    }

    private void verify(Unit u, int p, String period, Instant t) {
        Map<String, BigDecimal> counted = new LinkedHashMap<>(u.reported[p]);
        Map<String, BigDecimal> fixed = new LinkedHashMap<>();
        if (random.nextInt(100) < 12) {
            Indicator i = indicators.get(random.nextInt(INDICATORS));
            if (i.kind() == IndicatorKind.QUANTITATIVE) {
                BigDecimal v = counted.get(i.code()).multiply(new BigDecimal("0.95")).setScale(1,
                        java.math.RoundingMode.HALF_UP);
                counted.put(i.code(), v);
                fixed.put(i.code(), v);
            }
        }
        emit(u.streamId, "Participation", t, new ReportVerified(u.streamId, u.campaignId, u.ref.code(), period,
                counted, fixed, fixed.isEmpty() ? null : "Điều chỉnh theo số liệu thống kê"), "K-VERIFIER",
                "CLUSTER_HEAD");
    }

    private Map<String, BigDecimal> values(Unit u, int p) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Indicator i : indicators) {
            values.put(i.code(), value(i, u, p));
        }
        return values;
    }

    /** Year-to-date values: a share of the target that grows with the period, scaled by the unit's skill. */
    private BigDecimal value(Indicator i, Unit u, int p) {
        BigDecimal target = u.targets.get(i.code());
        double progress = (p + 1) / (double) PERIODS;
        return switch (i.kind()) {
            case QUALITATIVE -> random.nextDouble() < u.skill * 0.9 ? BigDecimal.ONE : BigDecimal.ZERO;
            case COUNT -> BigDecimal.valueOf((long) Math.floor(target.doubleValue() * progress * u.skill
                    * (0.8 + random.nextDouble() * 0.4)));
            default -> {
                double factor = u.skill * (0.85 + random.nextDouble() * 0.3);
                if (i.directionOrDefault() == Direction.LOWER_IS_BETTER) {
                    factor = 1 / factor;
                }
                double base = i.directionOrDefault() == Direction.LOWER_IS_BETTER ? target.doubleValue()
                        : target.doubleValue() * progress;
                yield BigDecimal.valueOf(Math.round(base * factor * 10) / 10.0);
            }
        };
    }

    private BigDecimal target(Indicator i) {
        return switch (i.kind()) {
            case QUALITATIVE -> BigDecimal.ONE;
            case COUNT -> BigDecimal.valueOf(5 + random.nextInt(20));
            default -> i.directionOrDefault() == Direction.LOWER_IS_BETTER
                    ? BigDecimal.valueOf(10 + random.nextInt(90), 1)
                    : BigDecimal.valueOf(1000 + random.nextInt(200_000), 1);
        };
    }

    private List<Unit> shuffled(List<Unit> units) {
        List<Unit> copy = new ArrayList<>(units);
        Collections.shuffle(copy, random);
        return copy;
    }

    // ------------------------------------------------------------------------------------------------ the rows

    private void emit(String streamId, String aggregateType, Instant at, Object event, String actorUnit,
                      String role) {
        try {
            int sequence = sequences.merge(streamId, 1, Integer::sum) - 1;
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put(MetadataKeys.USER, "user." + actorUnit.toLowerCase());
            meta.put(MetadataKeys.UNIT, actorUnit);
            meta.put(MetadataKeys.ROLE, role);
            meta.put(MetadataKeys.CORRELATION_ID, uuid());
            position++;
            writeShort(10);
            writeLong(position);
            writeText(uuid());
            writeText(streamId);
            writeLong(sequence);
            writeText(aggregateType);
            writeText(at.toString());
            writeText(event.getClass().getName());
            out.writeInt(-1);
            writeBytes(json.writeValueAsBytes(event));
            writeBytes(json.writeValueAsBytes(meta));
            countsByType.merge(event.getClass().getSimpleName(), 1L, Long::sum);
            if (buffer.size() >= CHUNK) {
                flush(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String uuid() {
        long hi = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lo = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private void flush(boolean last) throws SQLException, IOException {
        out.flush();
        if (buffer.size() > 0) {
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            buffer.reset();
        }
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
    }

    private void writeShort(int v) throws IOException {
        out.writeShort(v);
    }

    private void writeLong(long v) throws IOException {
        out.writeInt(8);
        out.writeLong(v);
    }

    private void writeText(String s) throws IOException {
        writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private void writeBytes(byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    // ------------------------------------------------------------------------------------------------ the terms

    private static final String[] CONTENT_TITLES = {"Thứ nhất: Phát triển kinh tế", "Thứ hai: Thu ngân sách",
            "Thứ ba: Văn hóa - xã hội", "Thứ tư: Giáo dục", "Thứ năm: Y tế", "Thứ sáu: Môi trường",
            "Thứ bảy: Cải cách hành chính", "Thứ tám: Quốc phòng - an ninh", "Thứ chín: Xây dựng Đảng, chính quyền"};

    /** 30 indicators in 9 contents: quantitative in both directions, qualitative and count; weights sum to 100. */
    static List<Content> contents() {
        List<Content> contents = new ArrayList<>();
        int n = 0;
        for (int c = 0; c < CONTENTS; c++) {
            int size = c < 3 ? 4 : 3; // 3×4 + 6×3 = 30
            List<Indicator> list = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                n++;
                String code = "CT" + String.format("%02d", n);
                IndicatorKind kind;
                Direction direction = Direction.HIGHER_IS_BETTER;
                BigDecimal perItem = null;
                String unit = "%";
                switch (n % 6) {
                    case 0 -> kind = IndicatorKind.QUALITATIVE;
                    case 3 -> {
                        kind = IndicatorKind.COUNT;
                        perItem = new BigDecimal("0.5");
                        unit = "công trình";
                    }
                    case 4 -> {
                        kind = IndicatorKind.QUANTITATIVE;
                        direction = Direction.LOWER_IS_BETTER;
                        unit = "%";
                    }
                    default -> {
                        kind = IndicatorKind.QUANTITATIVE;
                        unit = "triệu đồng";
                    }
                }
                BigDecimal weight = n <= 10 ? new BigDecimal("4") : new BigDecimal("3"); // 40 + 60 = 100
                list.add(new Indicator(code, "Chỉ tiêu " + n, unit, kind, direction, null, weight, perItem, null,
                        null));
            }
            contents.add(new Content("ND" + (c + 1), CONTENT_TITLES[c], list));
        }
        return contents;
    }

    private static final String[] NAMES = {"An", "Ăn", "Âu", "Bình", "Cường", "Dũng", "Đông", "Em", "Ê", "Giang",
            "Hòa", "Ích", "Khánh", "Lâm", "Minh", "Nam", "Oanh", "Ô", "Ơn", "Phú", "Quang", "Rạng", "Sơn", "Thành",
            "Uyên", "Ưng", "Vinh", "Xuân", "Yên"};

    private static String unitName(int cluster, int u) {
        String kind = u % 3 == 0 ? "Phường " : "Xã ";
        return kind + NAMES[u % NAMES.length] + " " + (u / NAMES.length + 1) + " (cụm " + cluster + ")";
    }
}
