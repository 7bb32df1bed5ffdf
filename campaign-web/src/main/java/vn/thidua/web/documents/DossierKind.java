package vn.thidua.web.documents;

/**
 * The components of a commendation's dossier (Law on Emulation and Commendation 2022, Art. 84), in the order the
 * dossier lists them. {@link #MEETING_MINUTES} (the approved league table's meeting) and {@link #BALLOT_TALLY}
 * (a secret ballot's tally) are listed as pending until the features that record them exist: a component is
 * offered only when the events it is made from are there, never as a placeholder.
 */
public enum DossierKind {
    PROPOSAL_LETTER("to-trinh", "Tờ trình đề nghị khen thưởng", true),
    ACHIEVEMENT_REPORT("bao-cao-thanh-tich", "Báo cáo thành tích", true),
    MEETING_MINUTES("bien-ban-hop", "Biên bản họp xét thi đua", false),
    BALLOT_TALLY("bien-ban-kiem-phieu", "Biên bản kiểm phiếu", false),
    DECISION("quyet-dinh", "Quyết định khen thưởng", false),
    CERTIFICATE("bang-khen", "Bằng khen / Cờ thi đua", false),
    EVIDENCE("minh-chung", "Tài liệu minh chứng", false);

    private final String slug;
    private final String title;
    private final boolean alsoDocx;

    DossierKind(String slug, String title, boolean alsoDocx) {
        this.slug = slug;
        this.title = title;
        this.alsoDocx = alsoDocx;
    }

    /** The file name's stem and the path segment: "to-trinh". */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** Officers edit it before signing, so it is offered as DOCX too. */
    public boolean alsoDocx() {
        return alsoDocx;
    }

    public static DossierKind ofSlug(String slug) {
        for (DossierKind k : values()) {
            if (k.slug.equals(slug) || k.name().equalsIgnoreCase(slug)) {
                return k;
            }
        }
        return null;
    }
}
