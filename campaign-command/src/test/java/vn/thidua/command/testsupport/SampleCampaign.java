package vn.thidua.command.testsupport;

import vn.thidua.domain.campaign.CampaignLaunched;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.campaign.Content;
import vn.thidua.domain.campaign.Direction;
import vn.thidua.domain.campaign.Indicator;
import vn.thidua.domain.campaign.IndicatorKind;
import vn.thidua.domain.campaign.LaunchCampaign;
import vn.thidua.domain.campaign.Period;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.shared.UnitRef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample campaign every fixture test starts from: cluster CII with three member units (head U1), two
 * contents with four indicators (one of each kind that a pledge can fail on), two reporting periods.
 * <ul>
 *   <li>{@code REV}: QUANTITATIVE, HIGHER_IS_BETTER, floor 100 (a pledge of at least 100)</li>
 *   <li>{@code POOR}: QUANTITATIVE, LOWER_IS_BETTER, floor 5 (a pledge of at most 5)</li>
 *   <li>{@code NTM}: QUALITATIVE (1 achieved, 0 not)</li>
 *   <li>{@code MODEL}: COUNT, 2 points per item, between 0 and 20</li>
 * </ul>
 * Periods H1 (due 30/6/2025) and Y (due 15/12/2025); pledge deadline 31/3/2025. Numbers are written in their
 * canonical form (no trailing zeros), the form the aggregates store.
 */
public final class SampleCampaign {
    public static final String CAMPAIGN = "c1";
    public static final String CLUSTER = "CII";
    public static final String HEAD = "U1";
    public static final String U2 = "U2";
    public static final String U3 = "U3";
    /** A unit that is not a member of the cluster. */
    public static final String OUTSIDER = "U9";

    public static final String REV = "REV";
    public static final String POOR = "POOR";
    public static final String NTM = "NTM";
    public static final String MODEL = "MODEL";

    public static final String H1 = "H1";
    public static final String YEAR_END = "Y";
    public static final LocalDate H1_DUE = LocalDate.of(2025, 6, 30);
    public static final LocalDate YEAR_END_DUE = LocalDate.of(2025, 12, 15);
    public static final LocalDate PLEDGE_DEADLINE = LocalDate.of(2025, 3, 31);

    public static final List<UnitRef> MEMBERS = List.of(
            new UnitRef(HEAD, "Huyện Triệu Sơn", "DISTRICT"),
            new UnitRef(U2, "Huyện Đông Sơn", "DISTRICT"),
            new UnitRef(U3, "Huyện Hà Trung", "DISTRICT"));

    private List<UnitRef> members = MEMBERS;
    private String clusterCode = CLUSTER;
    private String headUnit = HEAD;
    private LocalDate pledgeDeadline = PLEDGE_DEADLINE;
    private List<Period> periods = List.of(
            new Period(H1, "6 tháng đầu năm", H1_DUE),
            new Period(YEAR_END, "Cả năm", YEAR_END_DUE));
    private List<Content> contents = List.of(
            new Content("ND1", "Thứ nhất: phát triển kinh tế", List.of(revenue(), poverty())),
            new Content("ND2", "Thứ hai: xây dựng nông thôn mới", List.of(newRural(), modelCommunes())));
    private ScoringRules rules = ScoringRules.defaults();

    private SampleCampaign() {
    }

    public static SampleCampaign sample() {
        return new SampleCampaign();
    }

    // ---- the indicators -------------------------------------------------------------------------------------

    public static Indicator revenue() {
        return new Indicator(REV, "Thu ngân sách", "tỷ đồng", IndicatorKind.QUANTITATIVE,
                Direction.HIGHER_IS_BETTER, n("100"), n("10"), null, null, null);
    }

    public static Indicator poverty() {
        return new Indicator(POOR, "Tỷ lệ hộ nghèo", "%", IndicatorKind.QUANTITATIVE,
                Direction.LOWER_IS_BETTER, n("5"), n("10"), null, null, null);
    }

    public static Indicator newRural() {
        return new Indicator(NTM, "Đạt chuẩn nông thôn mới nâng cao", null, IndicatorKind.QUALITATIVE,
                null, null, n("5"), null, null, null);
    }

    public static Indicator modelCommunes() {
        return new Indicator(MODEL, "Số xã nông thôn mới kiểu mẫu", "xã", IndicatorKind.COUNT,
                null, null, n("10"), n("2"), n("0"), n("20"));
    }

    // ---- variations -----------------------------------------------------------------------------------------

    /** Other members at launch than the three of {@link #MEMBERS}. */
    public SampleCampaign members(List<UnitRef> members) {
        this.members = List.copyOf(members);
        return this;
    }

    public SampleCampaign clusterCode(String clusterCode) {
        this.clusterCode = clusterCode;
        return this;
    }

    public SampleCampaign headUnit(String headUnit) {
        this.headUnit = headUnit;
        return this;
    }

    public SampleCampaign pledgeDeadline(LocalDate pledgeDeadline) {
        this.pledgeDeadline = pledgeDeadline;
        return this;
    }

    public SampleCampaign periods(Period... periods) {
        this.periods = List.of(periods);
        return this;
    }

    public SampleCampaign contents(Content... contents) {
        this.contents = List.of(contents);
        return this;
    }

    public SampleCampaign rules(ScoringRules rules) {
        this.rules = rules;
        return this;
    }

    // ---- what the tests need --------------------------------------------------------------------------------

    public static ClusterRegistered cluster() {
        return new ClusterRegistered(CLUSTER, "Cụm thi đua số II", MEMBERS, HEAD);
    }

    public LaunchCampaign launch() {
        return new LaunchCampaign(CAMPAIGN, clusterCode, 2025, "Phong trào thi đua năm 2025", headUnit,
                pledgeDeadline, periods, contents, rules);
    }

    /** The event the launch records: the definition plus the cluster's members as they stood at launch. */
    public CampaignLaunched launched() {
        return new CampaignLaunched(CAMPAIGN, clusterCode, 2025, "Phong trào thi đua năm 2025", headUnit, members,
                pledgeDeadline, periods, contents, rules);
    }

    /** What the other streams know of the open campaign. */
    public CampaignTerms terms() {
        return CampaignTerms.launched(launched());
    }

    public static CampaignTerms openTerms() {
        return sample().terms();
    }

    public static CampaignTerms closedTerms() {
        return sample().terms().closedNow();
    }

    // ---- values ---------------------------------------------------------------------------------------------

    public static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    /** Targets or values for the four indicators, in content order. */
    public static Map<String, BigDecimal> values(String rev, String poor, String ntm, String model) {
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        v.put(REV, n(rev));
        v.put(POOR, n(poor));
        v.put(NTM, n(ntm));
        v.put(MODEL, n(model));
        return v;
    }

    /** A valid pledge: revenue 110 (floor 100), poverty 4% (at most 5), NTM achieved, 5 model communes. */
    public static Map<String, BigDecimal> validTargets() {
        return values("110", "4", "1", "5");
    }

    /** A copy of the map with one entry replaced (or added). */
    public static Map<String, BigDecimal> with(Map<String, BigDecimal> values, String code, String value) {
        Map<String, BigDecimal> copy = new LinkedHashMap<>(values);
        copy.put(code, n(value));
        return copy;
    }

    /** A copy of the map without one entry. */
    public static Map<String, BigDecimal> without(Map<String, BigDecimal> values, String code) {
        Map<String, BigDecimal> copy = new LinkedHashMap<>(values);
        copy.remove(code);
        return copy;
    }
}
