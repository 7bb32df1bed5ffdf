package vn.thidua.web.seed;

import java.util.List;

/**
 * A seed step that attaches a small PDF (made at seed time, {@link SeedPdfs}) to a report as evidence: the report's
 * unit, period and indicator (null: the whole report), the file's name, its title and lines, and the uploader's note.
 */
record SeedEvidence(String campaignId, String unitCode, String periodCode, String indicatorCode, String fileName,
                    String title, List<String> lines, String note) {
}
