package vn.thidua.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.domain.campaign.Inspection;
import vn.thidua.web.app.Caller;
import vn.thidua.web.app.CampaignService;
import vn.thidua.web.app.Dispatched;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Cross-inspection teams and the meeting's approval of the table, on the wire. */
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}")
public class InspectionController {
    private final CampaignService service;

    public InspectionController(CampaignService service) {
        this.service = service;
    }

    public record InspectionBody(@NotBlank @Pattern(regexp = Bodies.CODE, message = Bodies.CODE_MSG) String periodCode,
                                 @NotBlank @Pattern(regexp = Bodies.CODE, message = Bodies.CODE_MSG)
                                 String inspectorUnit,
                                 @NotEmpty @Size(max = 200) List<@NotBlank @Pattern(regexp = Bodies.CODE,
                                         message = Bodies.CODE_MSG) String> inspectedUnits) {
    }

    public record ApprovalBody(@NotNull LocalDate meetingDate, @Size(max = 4000) String note) {
    }

    @PostMapping("/inspections")
    public ResponseEntity<Map<String, String>> assign(Caller caller, @PathVariable String campaignId,
                                                      @Valid @RequestBody InspectionBody body) {
        Dispatched<String> sent = service.assignInspection(caller, campaignId, body.periodCode(),
                body.inspectorUnit(), body.inspectedUnits());
        return Callers.answer(ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaignId + "/inspections")),
                Map.of("inspectionId", sent.result()), sent);
    }

    @GetMapping("/inspections")
    public List<Inspection> list(@PathVariable String campaignId) {
        return service.inspections(campaignId);
    }

    @PostMapping("/league-table/approval")
    public ResponseEntity<CampaignService.Approval> approve(Caller caller, @PathVariable String campaignId,
                                                           @Valid @RequestBody ApprovalBody body) {
        Dispatched<CampaignService.Approval> sent = service.approveTable(caller, campaignId, body.meetingDate(),
                body.note());
        return Callers.answer(ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaignId
                + "/league-table?approved=true")), sent.result(), sent);
    }
}
