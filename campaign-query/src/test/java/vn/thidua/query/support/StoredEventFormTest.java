package vn.thidua.query.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.campaign.ScoringRulesPublished;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.commendation.Award;
import vn.thidua.domain.commendation.Ballot;
import vn.thidua.domain.commendation.CommendationApproved;
import vn.thidua.domain.commendation.CommendationConferred;
import vn.thidua.domain.commendation.CommendationProposed;
import vn.thidua.domain.commendation.CommendationRejected;
import vn.thidua.domain.commendation.CommendationRevoked;
import vn.thidua.domain.commendation.LeagueTablePosition;
import vn.thidua.domain.participation.PledgeRevised;
import vn.thidua.domain.participation.PledgeSubmitted;
import vn.thidua.domain.participation.ReportCorrected;
import vn.thidua.domain.participation.ReportRejected;
import vn.thidua.domain.participation.ReportSubmitted;
import vn.thidua.domain.participation.ReportVerified;
import vn.thidua.domain.shared.UnitRef;
import vn.thidua.eventstore.EventJson;
import vn.thidua.query.testsupport.SmallCampaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored JSON of every event, written by the event store's mapper, is exactly the form events have always had:
 * the interfaces the events share (CampaignEvent, ParticipationEvent, ...) add no property. The expected strings
 * were written by the mapper before the events had any interface.
 */
public class StoredEventFormTest {
    private final ObjectMapper mapper = EventJson.mapper();

    public static Map<String, Object> events() {
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        v.put("Q", new BigDecimal("110"));
        v.put("OK", BigDecimal.ONE);
        Map<String, BigDecimal> w = Map.of("Q", new BigDecimal("100.5"));
        String p = SmallCampaign.participation(SmallCampaign.A);
        Map<String, Object> events = new LinkedHashMap<>();
        events.put("ClusterRegistered", new ClusterRegistered("CL", "Cụm II", List.of(new UnitRef("A", "Ánh", "COMMUNE")), "A"));
        events.put("CampaignLaunched", SmallCampaign.launched());
        events.put("ScoringRulesPublished", new ScoringRulesPublished("small", new ScoringRules(2,
                ScoringMethod.LEADER_INTERPOLATED, null, BigDecimal.ONE, new BigDecimal("0.5"), BigDecimal.ZERO)));
        events.put("CampaignClosed", new CampaignClosed("small"));
        events.put("PledgeSubmitted", new PledgeSubmitted(p, "small", "A", v));
        events.put("PledgeRevised", new PledgeRevised(p, "small", "A", w, v));
        events.put("ReportSubmitted", new ReportSubmitted(p, "small", "A", "P1", v, true));
        events.put("ReportCorrected", new ReportCorrected(p, "small", "A", "P1", w, v, "sai số", false));
        events.put("ReportVerified", new ReportVerified(p, "small", "A", "P1", w, Map.of(), "đạt"));
        events.put("ReportRejected", new ReportRejected(p, "small", "A", "P1", "thiếu"));
        events.put("CommendationProposed", new CommendationProposed("k1", "small", "A", Award.PROVINCIAL_FLAG,
                "dẫn đầu", new Ballot(5, 1, 6), new LeagueTablePosition(1, new BigDecimal("98.5"), 1,
                Instant.parse("2025-12-20T00:00:00Z"), false)));
        events.put("CommendationApproved", new CommendationApproved("k1", "small", "A", "đồng ý"));
        events.put("CommendationRejected", new CommendationRejected("k1", "small", "A", "chưa đủ"));
        events.put("CommendationConferred", new CommendationConferred("k1", "small", "A", "12/QĐ-UBND",
                LocalDate.of(2026, 1, 15)));
        events.put("CommendationRevoked", new CommendationRevoked("k1", "small", "A", "sai phạm"));
        return events;
    }

    /** The stored form of each event of {@link #events()}, as the event table holds it. */
    static Map<String, String> stored() {
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put("ClusterRegistered",
                "{\"clusterCode\":\"CL\",\"name\":\"Cụm II\",\"members\":[{\"code\":\"A\",\"name\":\"Ánh\",\"kind\":\"COMMUNE\"}],\"headUnit\":\"A\"}");
        stored.put("CampaignLaunched",
                "{\"campaignId\":\"small\",\"clusterCode\":\"CL\",\"year\":2025,\"title\":\"Thi đua 2025\",\"headUnit\":\"A\",\"members\":[{\"code\":\"A\",\"name\":\"Ánh\",\"kind\":\"COMMUNE\"},{\"code\":\"B\",\"name\":\"Bình\",\"kind\":\"COMMUNE\"},{\"code\":\"C\",\"name\":\"Cường\",\"kind\":\"COMMUNE\"}],\"pledgeDeadline\":\"2025-03-31\",\"periods\":[{\"code\":\"P1\",\"title\":\"6 tháng\",\"dueDate\":\"2025-06-30\"},{\"code\":\"P2\",\"title\":\"Cả năm\",\"dueDate\":\"2025-12-15\"}],\"contents\":[{\"code\":\"C1\",\"title\":\"Kinh tế\",\"indicators\":[{\"code\":\"Q\",\"title\":\"Thu ngân sách\",\"unit\":\"%\",\"kind\":\"QUANTITATIVE\",\"direction\":\"HIGHER_IS_BETTER\",\"floor\":100,\"weight\":60,\"pointsPerItem\":null,\"min\":null,\"max\":null}]},{\"code\":\"C2\",\"title\":\"Xã hội\",\"indicators\":[{\"code\":\"OK\",\"title\":\"Không để xảy ra dịch\",\"unit\":\"\",\"kind\":\"QUALITATIVE\",\"direction\":null,\"floor\":null,\"weight\":40,\"pointsPerItem\":null,\"min\":null,\"max\":null}]}],\"scoringRules\":{\"version\":1,\"method\":\"RATIO_CAPPED\",\"cap\":1.2,\"latePenalty\":1,\"missingPenalty\":0,\"rejectedPenalty\":0}}");
        stored.put("ScoringRulesPublished",
                "{\"campaignId\":\"small\",\"rules\":{\"version\":2,\"method\":\"LEADER_INTERPOLATED\",\"cap\":null,\"latePenalty\":1,\"missingPenalty\":0.5,\"rejectedPenalty\":0}}");
        stored.put("CampaignClosed",
                "{\"campaignId\":\"small\"}");
        stored.put("PledgeSubmitted",
                "{\"participationId\":\"participation:small:A\",\"campaignId\":\"small\",\"unitCode\":\"A\",\"targets\":{\"Q\":110,\"OK\":1}}");
        stored.put("PledgeRevised",
                "{\"participationId\":\"participation:small:A\",\"campaignId\":\"small\",\"unitCode\":\"A\",\"targets\":{\"Q\":100.5},\"previousTargets\":{\"Q\":110,\"OK\":1}}");
        stored.put("ReportSubmitted",
                "{\"participationId\":\"participation:small:A\",\"campaignId\":\"small\",\"unitCode\":\"A\",\"periodCode\":\"P1\",\"values\":{\"Q\":110,\"OK\":1},\"late\":true}");
        stored.put("ReportCorrected",
                "{\"participationId\":\"participation:small:A\",\"campaignId\":\"small\",\"unitCode\":\"A\",\"periodCode\":\"P1\",\"values\":{\"Q\":100.5},\"previousValues\":{\"Q\":110,\"OK\":1},\"reason\":\"sai số\",\"late\":false}");
        stored.put("ReportVerified",
                "{\"participationId\":\"participation:small:A\",\"campaignId\":\"small\",\"unitCode\":\"A\",\"periodCode\":\"P1\",\"countedValues\":{\"Q\":100.5},\"fixedValues\":{},\"comment\":\"đạt\"}");
        stored.put("ReportRejected",
                "{\"participationId\":\"participation:small:A\",\"campaignId\":\"small\",\"unitCode\":\"A\",\"periodCode\":\"P1\",\"comment\":\"thiếu\"}");
        stored.put("CommendationProposed",
                "{\"commendationId\":\"k1\",\"campaignId\":\"small\",\"unitCode\":\"A\",\"award\":\"PROVINCIAL_FLAG\",\"rationale\":\"dẫn đầu\",\"ballot\":{\"inFavour\":5,\"against\":1,\"cast\":6},\"basis\":{\"rank\":1,\"total\":98.5,\"rulesVersion\":1,\"asOf\":\"2025-12-20T00:00:00Z\",\"provisional\":false}}");
        stored.put("CommendationApproved",
                "{\"commendationId\":\"k1\",\"campaignId\":\"small\",\"unitCode\":\"A\",\"comment\":\"đồng ý\"}");
        stored.put("CommendationRejected",
                "{\"commendationId\":\"k1\",\"campaignId\":\"small\",\"unitCode\":\"A\",\"comment\":\"chưa đủ\"}");
        stored.put("CommendationConferred",
                "{\"commendationId\":\"k1\",\"campaignId\":\"small\",\"unitCode\":\"A\",\"decisionNo\":\"12/QĐ-UBND\",\"decisionDate\":\"2026-01-15\"}");
        stored.put("CommendationRevoked",
                "{\"commendationId\":\"k1\",\"campaignId\":\"small\",\"unitCode\":\"A\",\"reason\":\"sai phạm\"}");
        return stored;
    }

    @Test
    void everyEventIsWrittenAsItAlwaysWas() throws Exception {
        Map<String, String> stored = stored();
        assertThat(events().keySet()).containsExactlyElementsOf(stored.keySet());
        for (Map.Entry<String, Object> e : events().entrySet()) {
            assertThat(mapper.writeValueAsString(e.getValue())).as(e.getKey()).isEqualTo(stored.get(e.getKey()));
        }
    }

    @Test
    void everyStoredFormReadsBackAsTheSameEvent() throws Exception {
        Map<String, String> stored = stored();
        for (Map.Entry<String, Object> e : events().entrySet()) {
            assertThat(mapper.readValue(stored.get(e.getKey()), e.getValue().getClass())).as(e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    /**
     * Cross-inspection added the reasons for changed values to ReportVerified: written only when there are some (a
     * verification that changed nothing keeps its old form, above), read back as empty from events stored before.
     */
    @org.junit.jupiter.api.Test
    void aVerificationsReasonsAreWrittenOnlyWhenThereAreSome() throws Exception {
        String p = SmallCampaign.participation(SmallCampaign.A);
        ReportVerified fixed = new ReportVerified(p, "small", "A", "P1", Map.of("Q", new BigDecimal("90")),
                Map.of("Q", new BigDecimal("90")), "kiểm tra chéo", Map.of("Q", "thiếu chứng từ"));
        String json = mapper.writeValueAsString(fixed);
        assertThat(json).endsWith(",\"comment\":\"kiểm tra chéo\",\"reasons\":{\"Q\":\"thiếu chứng từ\"}}");
        assertThat(mapper.readValue(json, ReportVerified.class)).isEqualTo(fixed);
        ReportVerified old = mapper.readValue("{\"participationId\":\"" + p + "\",\"campaignId\":\"small\","
                + "\"unitCode\":\"A\",\"periodCode\":\"P1\",\"countedValues\":{\"Q\":100.5},\"fixedValues\":{},"
                + "\"comment\":\"đạt\"}", ReportVerified.class);
        assertThat(old.reasons()).isEmpty();
    }
}
