package vn.thidua.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.thidua.web.testsupport.Api.Response;
import vn.thidua.web.testsupport.Fixture;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.web.testsupport.Driver.map;
import static vn.thidua.web.testsupport.Problems.assertRule;

/**
 * The public notice of a proposal (công khai) through the API, with ten working days: comments from anyone signed
 * in while it is open, the head's answers, the public list without sign-in, and no approval before the notice ends
 * or while a comment is unanswered. Time is moved past the notice with the application's clock.
 */
abstract class NoticeScenarios extends ApiScenarioSupport {
    static final String TEN_WORKING_DAYS = "thidua.notice.working-days=10";

    @Test
    void aProposalIsPublishedForCommentsAndApprovedOnlyAfterTheNoticeWithEveryCommentAnswered() {
        Fixture f = scoredCampaign();
        Response r = flagProposedAfterClose(f);
        String id = r.json().path("commendationId").asText();
        Instant endsAt = Instant.parse(r.json().path("noticeEndsAt").asText());
        assertThat(endsAt).isAfter(Instant.now().plusSeconds(10L * 24 * 3600));

        JsonNode open = api.get("/api/v1/public/notices").send().json();
        assertThat(open).anySatisfy(n -> {
            assertThat(n.path("commendationId").asText()).isEqualTo(id);
            assertThat(n.path("unitCode").asText()).isEqualTo(f.unit(1));
            assertThat(n.path("award").asText()).isEqualTo("PROVINCIAL_FLAG");
            assertThat(n.path("noticeEndsAt").asText()).isEqualTo(endsAt.toString());
        });

        assertRule(recordsNothing(() -> api.post("/api/v1/commendations/" + id + "/approval").as(f.board())
                .json(map("comment", "Đồng ý")).send()), "commendation.notice-open");

        r = records(1, () -> api.post("/api/v1/commendations/" + id + "/comments").as(f.officer(2))
                .json(map("text", "Đề nghị làm rõ số liệu thu ngân sách năm 2021")).send());
        assertStatus(r, 201);
        String commentId = r.json().path("commentId").asText();
        JsonNode c = api.get("/api/v1/commendations/" + id).as(f.auditor()).send().json();
        assertThat(c.path("comments").get(0).path("text").asText()).isEqualTo("Đề nghị làm rõ số liệu thu ngân sách năm 2021");
        assertThat(c.path("comments").get(0).path("answer").isNull()).isTrue();

        // Past the notice: no more comments, and no approval while the comment is unanswered.
        clock.pin(endsAt.plusSeconds(60));
        assertRule(recordsNothing(() -> api.post("/api/v1/commendations/" + id + "/comments").as(f.officer(0))
                .json(map("text", "Muộn")).send()), "commendation.notice-closed");
        assertRule(recordsNothing(() -> api.post("/api/v1/commendations/" + id + "/approval").as(f.board())
                .json(map("comment", "Đồng ý")).send()), "commendation.comment-unanswered");
        assertThat(api.post("/api/v1/commendations/" + id + "/comments/" + commentId + "/response").as(f.officer(2))
                .json(map("text", "Tự trả lời")).send().status()).isEqualTo(403);

        assertStatus(records(1, () -> api.post("/api/v1/commendations/" + id + "/comments/" + commentId
                + "/response").as(f.head()).json(map("text", "Số liệu đã được Kho bạc Nhà nước xác nhận")).send()),
                201);
        Response approved = records(1, () -> api.post("/api/v1/commendations/" + id + "/approval").as(f.board())
                .json(map("comment", "Đồng ý")).send());
        assertThat(approved.status()).as("%s", approved).isBetween(200, 204);
        JsonNode after = api.get("/api/v1/commendations/" + id).as(f.auditor()).send().json();
        assertThat(after.path("status").asText()).isEqualTo("APPROVED");
        assertThat(after.path("comments").get(0).path("answer").asText())
                .isEqualTo("Số liệu đã được Kho bạc Nhà nước xác nhận");
        assertThat(api.get("/api/v1/public/notices").send().json())
                .noneSatisfy(n -> assertThat(n.path("commendationId").asText()).isEqualTo(id));
    }
}
