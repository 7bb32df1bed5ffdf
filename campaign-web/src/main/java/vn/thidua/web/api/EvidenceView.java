package vn.thidua.web.api;

import vn.thidua.query.evidence.EvidenceRow;
import vn.thidua.web.app.EvidenceService;

import java.util.List;

/** An evidence file on the wire (API.md, "Evidence"). */
public record EvidenceView(String evidenceId, String sha256, String fileName, String mediaType, long size,
                           String indicatorCode, String note, String uploadedAt, String uploadedBy, boolean withdrawn,
                           String withdrawnReason) {

    static EvidenceView of(EvidenceRow r) {
        return new EvidenceView(r.evidenceId(), r.sha256(), r.fileName(), r.mediaType(), r.size(), r.indicatorCode(),
                r.note(), r.uploadedAt(), r.uploadedBy(), r.withdrawn(), r.withdrawnReason());
    }

    /** The file as the read model has it when it has caught up, else as the upload described it. */
    static EvidenceView of(EvidenceService.Attached a, String uploadedAt) {
        if (a.row() != null) {
            return of(a.row());
        }
        return new EvidenceView(a.state().evidenceId(), a.sha256(), a.fileName(), a.mediaType(), a.size(),
                a.indicatorCode(), a.note(), uploadedAt, a.uploadedBy(), false, null);
    }

    static List<EvidenceView> of(List<EvidenceRow> rows) {
        return rows.stream().map(EvidenceView::of).toList();
    }
}
