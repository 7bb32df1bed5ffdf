package vn.thidua.web.ui.forms;

import java.util.ArrayList;
import java.util.List;

/**
 * The launch form as typed: every field a string, so that whatever the user entered comes back after an error.
 * Field paths are those of the REST body and of the domain's errors ({@code contents[0].indicators[1].weight}).
 */
public class LaunchForm {
    private String campaignId = "";
    private String clusterCode = "";
    private String year = "";
    private String title = "";
    private String headUnit = "";
    private String pledgeDeadline = "";
    private List<PeriodRow> periods = new ArrayList<>();
    private List<ContentRow> contents = new ArrayList<>();
    private RulesRow scoringRules = new RulesRow();

    public static LaunchForm blank() {
        LaunchForm form = new LaunchForm();
        form.periods.add(new PeriodRow());
        ContentRow content = new ContentRow();
        content.getIndicators().add(new IndicatorRow());
        form.contents.add(content);
        return form;
    }

    public static class PeriodRow {
        private String code = "";
        private String title = "";
        private String dueDate = "";

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getDueDate() { return dueDate; }
        public void setDueDate(String dueDate) { this.dueDate = dueDate; }
    }

    public static class ContentRow {
        private String code = "";
        private String title = "";
        private List<IndicatorRow> indicators = new ArrayList<>();

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public List<IndicatorRow> getIndicators() { return indicators; }
        public void setIndicators(List<IndicatorRow> indicators) { this.indicators = indicators; }
    }

    public static class IndicatorRow {
        private String code = "";
        private String title = "";
        private String unit = "";
        private String kind = "QUANTITATIVE";
        private String direction = "";
        private String floor = "";
        private String weight = "";
        private String pointsPerItem = "";
        private String min = "";
        private String max = "";

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = unit; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getDirection() { return direction; }
        public void setDirection(String direction) { this.direction = direction; }
        public String getFloor() { return floor; }
        public void setFloor(String floor) { this.floor = floor; }
        public String getWeight() { return weight; }
        public void setWeight(String weight) { this.weight = weight; }
        public String getPointsPerItem() { return pointsPerItem; }
        public void setPointsPerItem(String pointsPerItem) { this.pointsPerItem = pointsPerItem; }
        public String getMin() { return min; }
        public void setMin(String min) { this.min = min; }
        public String getMax() { return max; }
        public void setMax(String max) { this.max = max; }
    }

    public static class RulesRow {
        private String version = "";
        private String method = "";
        private String cap = "";
        private String latePenalty = "";
        private String missingPenalty = "";
        private String rejectedPenalty = "";

        boolean blank() {
            return (version + method + cap + latePenalty + missingPenalty + rejectedPenalty).isBlank();
        }

        public String getVersion() { return version; }
        public void setVersion(String version) { this.version = version; }
        public String getMethod() { return method; }
        public void setMethod(String method) { this.method = method; }
        public String getCap() { return cap; }
        public void setCap(String cap) { this.cap = cap; }
        public String getLatePenalty() { return latePenalty; }
        public void setLatePenalty(String latePenalty) { this.latePenalty = latePenalty; }
        public String getMissingPenalty() { return missingPenalty; }
        public void setMissingPenalty(String missingPenalty) { this.missingPenalty = missingPenalty; }
        public String getRejectedPenalty() { return rejectedPenalty; }
        public void setRejectedPenalty(String rejectedPenalty) { this.rejectedPenalty = rejectedPenalty; }
    }

    public String getCampaignId() { return campaignId; }
    public void setCampaignId(String campaignId) { this.campaignId = campaignId; }
    public String getClusterCode() { return clusterCode; }
    public void setClusterCode(String clusterCode) { this.clusterCode = clusterCode; }
    public String getYear() { return year; }
    public void setYear(String year) { this.year = year; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getHeadUnit() { return headUnit; }
    public void setHeadUnit(String headUnit) { this.headUnit = headUnit; }
    public String getPledgeDeadline() { return pledgeDeadline; }
    public void setPledgeDeadline(String pledgeDeadline) { this.pledgeDeadline = pledgeDeadline; }
    public List<PeriodRow> getPeriods() { return periods; }
    public void setPeriods(List<PeriodRow> periods) { this.periods = periods; }
    public List<ContentRow> getContents() { return contents; }
    public void setContents(List<ContentRow> contents) { this.contents = contents; }
    public RulesRow getScoringRules() { return scoringRules; }
    public void setScoringRules(RulesRow scoringRules) { this.scoringRules = scoringRules; }
}
